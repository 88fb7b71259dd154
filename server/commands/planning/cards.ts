import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { bumpVersion, excludeCard, sprintsOf, teamsOf, upsertCard } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { epicOwners, mayPlanCard } from "./board.ts";
import { cardFieldIds } from "./card-source.ts";
import { withCardLock } from "./card-lock.ts";
import { requirePlannableCard } from "./move-card.ts";

type CreateCard = { teamId: string; sprintId: number | null; epicKey: string; issueTypeId: string; summary: string; storyPoints?: number | null | undefined };

/** Creates a card in a cell: one Jira create with the Epic, the sprint and the story points set. */
export async function createCard(deps: AppDeps, caller: PlanningCaller, piId: string, body: CreateCard) {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const { assigned } = await epicOwners(deps, caller, [body.epicKey]);
  if (!mayPlanCard(caller, { epic_key: body.epicKey }, assigned)) throw new AppError("forbidden", `Members create cards only under the Epics of use cases assigned to them.`, { action: "planning.plan", role: caller.role });
  const team = (await teamsOf(deps.db, [pi.id])).find((candidate) => candidate.id === body.teamId);
  if (!team) throw new AppError("validation_failed", "That team is not part of this program increment.", { field: "teamId" });
  const sprint = body.sprintId === null ? null : (await sprintsOf(deps.db, pi.id)).find((candidate) => candidate.sprint_id === body.sprintId && candidate.team_id === team.id);
  if (sprint === undefined) throw new AppError("planning_refused", `Sprint ${body.sprintId} is not a sprint of team ${team.name} in this program increment.`);
  if (sprint?.state === "closed") throw new AppError("planning_refused", `Sprint “${sprint.name}” is closed; Jira takes no issues into a closed sprint.`);
  const ids = await cardFieldIds(deps, connection, pi, jira);
  const fields: Record<string, unknown> = {};
  if (body.storyPoints !== undefined && body.storyPoints !== null && ids.storyPoints) fields[ids.storyPoints] = body.storyPoints;
  if (sprint && ids.sprint) fields[ids.sprint] = sprint.sprint_id;
  let created;
  try {
    created = await jira.createIssue({ projectKey: team.project_key, issueTypeId: body.issueTypeId, summary: body.summary, epicKey: body.epicKey, fields });
  } catch (error) {
    throw planningJiraError(error, connection, `create “${body.summary}” in project ${team.project_key}`);
  }
  const card = {
    issueId: created.id,
    issueKey: created.key,
    projectKey: team.project_key,
    summary: body.summary,
    issueTypeId: body.issueTypeId,
    statusId: null,
    storyPoints: body.storyPoints ?? null,
    wsjf: null,
    epicKey: body.epicKey,
    teamId: team.id,
    sprintId: sprint?.sprint_id ?? null,
  };
  await upsertCard(deps.db, pi.id, card);
  await bumpVersion(deps.db, pi.id);
  return card;
}

/** Edits summary, story points and the PI's WSJF field: one Jira write with what changed. */
export async function editCard(deps: AppDeps, caller: PlanningCaller, piId: string, issueKey: string, body: { summary?: string | undefined; storyPoints?: number | null | undefined; wsjf?: number | null | undefined }) {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const card = await requirePlannableCard(deps, caller, pi.id, issueKey);
  const ids = await cardFieldIds(deps, connection, pi, jira);
  if (body.wsjf !== undefined && !ids.wsjf) throw new AppError("planning_refused", "This program increment has no WSJF field; choose one when setting it up.");
  if (body.storyPoints !== undefined && !ids.storyPoints) throw new AppError("planning_refused", "Jira has no story points field that Tether can find; refresh the Jira metadata.");
  return withCardLock(deps.db, card.issue_id, async (db) => {
    const fields: Record<string, unknown> = {};
    if (body.storyPoints !== undefined && ids.storyPoints) fields[ids.storyPoints] = body.storyPoints;
    if (body.wsjf !== undefined && ids.wsjf) fields[ids.wsjf] = body.wsjf;
    try {
      await jira.editIssue(issueKey, { ...(body.summary !== undefined ? { summary: body.summary } : {}), fields });
    } catch (error) {
      throw planningJiraError(error, connection, `edit ${issueKey}`);
    }
    await db
      .updateTable("planning_cards")
      .set({
        ...(body.summary !== undefined ? { summary: body.summary } : {}),
        ...(body.storyPoints !== undefined ? { story_points: body.storyPoints } : {}),
        ...(body.wsjf !== undefined ? { wsjf: body.wsjf } : {}),
        updated_at: new Date(),
      })
      .where("pi_id", "=", pi.id)
      .where("issue_id", "=", card.issue_id)
      .execute();
    await bumpVersion(db, pi.id);
    return { issueKey };
  });
}

/** Deletes the issue in Jira when the connection has Delete Issues; otherwise only takes the card off the board and says so. */
export async function deleteCard(deps: AppDeps, caller: PlanningCaller, piId: string, issueKey: string): Promise<{ deletedInJira: boolean; message: string }> {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const card = await requirePlannableCard(deps, caller, pi.id, issueKey);
  let deletedInJira = false;
  try {
    const [check] = await jira.myPermissions([card.project_key], ["DELETE_ISSUES"]);
    if (check?.granted) {
      await jira.deleteIssue(issueKey);
      deletedInJira = true;
    }
  } catch (error) {
    throw planningJiraError(error, connection, `delete ${issueKey}`);
  }
  await deps.db.deleteFrom("planning_dependencies").where("pi_id", "=", pi.id).where((eb) => eb.or([eb("outward_issue_id", "=", card.issue_id), eb("inward_issue_id", "=", card.issue_id)])).execute();
  await deps.db.deleteFrom("planning_cards").where("pi_id", "=", pi.id).where("issue_id", "=", card.issue_id).execute();
  if (!deletedInJira) await excludeCard(deps.db, pi.id, card.issue_id);
  await bumpVersion(deps.db, pi.id);
  return {
    deletedInJira,
    message: deletedInJira
      ? `${issueKey} was deleted in Jira.`
      : `${issueKey} was taken off this board but not deleted in Jira: the connection's account lacks “Delete Issues” in project ${card.project_key} (a Jira admin can grant it). It stays off this PI, also after a re-sync.`,
  };
}
