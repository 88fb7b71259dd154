import type { SimBoard, SimIssue, SimSprint } from "../model/types.ts";
import { JiraHttpError } from "../http/errors.ts";
import { requirePermission, type Actor, type CommandDeps } from "./deps.ts";
import { applyInput } from "./issue-commands.ts";

export type SprintDraft = { name: string; boardId: number; goal?: string | undefined; startDate?: number | undefined; endDate?: number | undefined };

export function createSprint(deps: CommandDeps, actor: Actor, board: SimBoard, draft: SprintDraft): SimSprint {
  requirePermission(deps, actor, board.projectId, "MANAGE_SPRINTS_PERMISSION", "You do not have permission to manage sprints on this board.");
  const sprint: SimSprint = {
    id: deps.store.nextId("sprintId"),
    name: draft.name,
    state: "future",
    boardId: board.id,
    goal: draft.goal ?? "",
    startDate: draft.startDate ?? null,
    endDate: draft.endDate ?? null,
    completeDate: null,
    createdDate: deps.now(),
  };
  deps.store.sprints.set(sprint.id, sprint);
  return sprint;
}

/** Moves issues into a sprint: the Sprint field changes, as does the changelog, and webhooks fire. */
export function moveIssuesToSprint(deps: CommandDeps, actor: Actor, sprint: SimSprint, issues: readonly SimIssue[]): void {
  if (sprint.state === "closed") throw new JiraHttpError(400, ["Cannot move issues into a closed sprint."]);
  for (const issue of issues) {
    requirePermission(deps, actor, issue.projectId, "SCHEDULE_ISSUES", `You do not have permission to schedule issue ${issue.key}.`);
  }
  for (const issue of issues) applyInput(deps, actor, issue, { sprintId: sprint.id }, "issue_updated");
}

/** Moves issues to the backlog: their active or future sprint is removed (closed ones stay, as in Jira). */
export function moveIssuesToBacklog(deps: CommandDeps, actor: Actor, issues: readonly SimIssue[]): void {
  for (const issue of issues) {
    requirePermission(deps, actor, issue.projectId, "SCHEDULE_ISSUES", `You do not have permission to schedule issue ${issue.key}.`);
  }
  for (const issue of issues) applyInput(deps, actor, issue, { sprintId: null }, "issue_updated");
}
