import type { SimBoard, SimIssue, SimSprint, SprintState } from "../model/types.ts";
import { JiraHttpError } from "../http/errors.ts";
import { requirePermission, type Actor, type CommandDeps } from "./deps.ts";
import { applyInput } from "./issue-commands.ts";

export type SprintDraft = { name: string; boardId: number; goal?: string | undefined; startDate?: number | undefined; endDate?: number | undefined };

/** What an update may change; `undefined` leaves a field alone, `null` clears it (a full update sends every field). */
export type SprintPatch = { name?: string | undefined; goal?: string | null | undefined; startDate?: number | null | undefined; endDate?: number | null | undefined; state?: SprintState | undefined };

const manageSprints = "You do not have permission to manage sprints on this board.";

function boardOf(deps: CommandDeps, sprint: SimSprint): SimBoard {
  const board = deps.store.boards.get(sprint.boardId);
  if (!board) throw new JiraHttpError(404, ["Sprint does not exist or you do not have permission to view it."]);
  return board;
}

export function createSprint(deps: CommandDeps, actor: Actor, board: SimBoard, draft: SprintDraft): SimSprint {
  requirePermission(deps, actor, board.projectId, "MANAGE_SPRINTS_PERMISSION", manageSprints);
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
  deps.siteEvents.sprintCreated(sprint);
  return sprint;
}

/**
 * Updates a sprint as Jira's Agile API does: a closed sprint cannot be updated; `future → active`
 * starts it (start and end dates needed), `active → closed` completes it (completeDate = now);
 * no other state change. Completing leaves the issues' Sprint field alone: the closed sprint
 * stays in their history and the unfinished ones are in the backlog (no active or future sprint).
 * Fires `sprint_updated` (with the old values), then `sprint_started` / `sprint_closed`.
 */
export function updateSprint(deps: CommandDeps, actor: Actor, sprint: SimSprint, patch: SprintPatch): SimSprint {
  requirePermission(deps, actor, boardOf(deps, sprint).projectId, "MANAGE_SPRINTS_PERMISSION", manageSprints);
  if (sprint.state === "closed") throw new JiraHttpError(400, ["Sprints that are in a closed state cannot be updated."]);
  const next: SimSprint = { ...sprint };
  if (patch.name !== undefined) {
    if (patch.name.trim() === "") throw new JiraHttpError(400, [], { name: "The sprint name cannot be empty." });
    next.name = patch.name;
  }
  if (patch.goal !== undefined) next.goal = patch.goal ?? "";
  if (patch.startDate !== undefined) next.startDate = patch.startDate;
  if (patch.endDate !== undefined) next.endDate = patch.endDate;
  if (patch.state !== undefined && patch.state !== sprint.state) {
    if (sprint.state === "future" && patch.state === "active") {
      if (next.startDate === null || next.endDate === null) throw new JiraHttpError(400, ["A sprint can only be started when it has a start date and an end date."]);
    } else if (sprint.state === "active" && patch.state === "closed") {
      next.completeDate = deps.now();
    } else {
      throw new JiraHttpError(400, [`A sprint cannot go from ${sprint.state} to ${patch.state}: only future → active (start) and active → closed (complete) are allowed.`]);
    }
    next.state = patch.state;
  }
  // A started sprint keeps its dates: only a future one may be undated.
  if (next.state === "active" && (next.startDate === null || next.endDate === null)) throw new JiraHttpError(400, ["An active sprint needs a start date and an end date."]);
  if (next.startDate !== null && next.endDate !== null && next.endDate < next.startDate) throw new JiraHttpError(400, [], { endDate: "The sprint end date must be after its start date." });
  const changed = (Object.keys(next) as (keyof SimSprint)[]).some((key) => next[key] !== sprint[key]);
  if (!changed) return sprint;
  const before = { ...sprint };
  Object.assign(sprint, next);
  deps.siteEvents.sprintUpdated(sprint, before);
  return sprint;
}

/**
 * Deletes a sprint. Its issues leave it: those for which it was the active or future sprint go to
 * the backlog (a Sprint change, with changelog and `jira:issue_updated`); a closed sprint simply
 * drops out of the issues' history. Fires `sprint_deleted`.
 */
export function deleteSprint(deps: CommandDeps, actor: Actor, sprint: SimSprint): void {
  requirePermission(deps, actor, boardOf(deps, sprint).projectId, "MANAGE_SPRINTS_PERMISSION", manageSprints);
  for (const issue of deps.store.issuesInSprint(sprint.id)) {
    if (sprint.state === "closed") deps.store.setSprints(issue, issue.sprintIds.filter((id) => id !== sprint.id));
    else applyInput(deps, actor, issue, { sprintId: null }, "issue_updated");
  }
  const before = { ...sprint };
  deps.store.sprints.delete(sprint.id);
  deps.siteEvents.sprintDeleted(before);
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
