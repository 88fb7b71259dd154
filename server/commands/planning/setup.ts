import type { CreatePiBody } from "../../../common/contracts/planning.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { recordAudit } from "../../models/audit-log.ts";
import { bumpVersion, teamsOf, upsertSprint } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { resyncPi } from "./resync.ts";

/**
 * Creates a program increment: every board must be visible to the connection (else nothing is
 * stored), the use cases must belong to the workspace; then its sprints and cards are pulled.
 */
export async function createPi(deps: AppDeps, caller: PlanningCaller, body: CreatePiBody): Promise<string> {
  authorisePlanning(caller, "planning.setup");
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const boards: Array<{ id: number; name: string; projectKey: string; capacity: number }> = [];
  for (const team of body.teams) {
    try {
      const board = await jira.getBoard(team.boardId);
      if (!board.projectKey) throw new AppError("planning_refused", `Board ${team.boardId} (${board.name}) is not a project board; choose a board that belongs to a project.`);
      boards.push({ id: board.id, name: board.name, projectKey: board.projectKey, capacity: team.capacity });
    } catch (error) {
      throw planningJiraError(error, connection, `show board ${team.boardId} (does it exist, and may the connection's account see it?)`);
    }
  }
  if (body.useCaseIds.length > 0) {
    const found = await deps.db.selectFrom("use_cases").select("id").where("workspace_id", "=", caller.workspaceId).where("id", "in", body.useCaseIds).execute();
    if (found.length !== new Set(body.useCaseIds).size) throw new AppError("validation_failed", "Some use cases do not exist in this workspace.", { field: "useCaseIds" });
  }
  const piId = await deps.db.transaction().execute(async (trx) => {
    const pi = await trx
      .insertInto("planning_increments")
      .values({ workspace_id: caller.workspaceId, name: body.name, starts_on: body.startsOn, ends_on: body.endsOn, jql: body.jql ?? null, wsjf_field_id: body.wsjfFieldId ?? null, created_by: caller.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("planning_teams").values(boards.map((board) => ({ pi_id: pi.id, board_id: board.id, name: board.name, project_key: board.projectKey, capacity: board.capacity }))).execute();
    if (body.useCaseIds.length > 0) await trx.insertInto("planning_use_cases").values([...new Set(body.useCaseIds)].map((id) => ({ pi_id: pi.id, use_case_id: id }))).execute();
    await recordAudit(trx, { workspaceId: caller.workspaceId, actorId: caller.userId, action: "planning.pi_created", target: pi.id });
    return pi.id;
  });
  try {
    await resyncPi(deps, caller, piId);
  } catch (error) {
    // Nothing half-done: a PI whose first pull failed is not kept.
    await deps.db.deleteFrom("planning_increments").where("id", "=", piId).execute();
    throw error;
  }
  return piId;
}

const manageSprintsHelp =
  "Creating sprints needs Jira's “Manage Sprints” permission for the connection's account on the board's project. A Jira admin can grant it in the project's permission scheme; until then, create the sprint in Jira and re-sync the PI.";

/** Creates a sprint on a team's board in Jira (Manage Sprints needed) and adds it to the PI. */
export async function createPiSprint(deps: AppDeps, caller: PlanningCaller, piId: string, draft: { teamId: string; name: string; startDate?: string | undefined; endDate?: string | undefined }) {
  authorisePlanning(caller, "planning.setup");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const team = (await teamsOf(deps.db, [pi.id])).find((candidate) => candidate.id === draft.teamId);
  if (!team) throw new AppError("validation_failed", "That team is not part of this program increment.", { field: "teamId" });
  let sprint;
  try {
    sprint = await jira.createSprint({ name: draft.name, boardId: team.board_id, ...(draft.startDate ? { startDate: draft.startDate } : {}), ...(draft.endDate ? { endDate: draft.endDate } : {}) });
  } catch (error) {
    const mapped = planningJiraError(error, connection, `create sprint “${draft.name}” on board ${team.name}`);
    if (mapped instanceof AppError && mapped.details && (mapped.details as { jiraCode?: string }).jiraCode === "jira_forbidden") {
      throw new AppError("planning_refused", manageSprintsHelp, { jiraCode: "jira_forbidden", permission: "MANAGE_SPRINTS_PERMISSION" }, { cause: error });
    }
    throw mapped;
  }
  const row = { pi_id: pi.id, team_id: team.id, sprint_id: sprint.id, name: sprint.name, state: sprint.state, starts_at: sprint.startDate, ends_at: sprint.endDate };
  await upsertSprint(deps.db, row);
  await bumpVersion(deps.db, pi.id);
  return { sprintId: sprint.id, teamId: team.id, name: sprint.name, state: sprint.state, startsAt: sprint.startDate ? new Date(sprint.startDate).toISOString() : null, endsAt: sprint.endDate ? new Date(sprint.endDate).toISOString() : null };
}
