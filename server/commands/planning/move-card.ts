import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { bumpVersion, findCard, type PlanningCardRow, sprintsOf, teamsOf } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { epicOwners, mayPlanCard } from "./board.ts";
import { withCardLock } from "./card-lock.ts";

export const cardNotFound = (key: string) => new AppError("not_found", `Card ${key} is not on this program increment's board.`);

/** The card, if the caller may plan it (Members: cards of use cases assigned to them). */
export async function requirePlannableCard(deps: AppDeps, caller: PlanningCaller, piId: string, issueKey: string): Promise<PlanningCardRow> {
  const card = await findCard(deps.db, piId, issueKey);
  if (!card) throw cardNotFound(issueKey);
  const { assigned } = await epicOwners(deps, caller, card.epic_key ? [card.epic_key] : []);
  if (!mayPlanCard(caller, card, assigned)) {
    throw new AppError("forbidden", `Members plan only the cards of use cases assigned to them; ${issueKey} belongs to another use case.`, { action: "planning.plan", role: caller.role });
  }
  return card;
}

/**
 * Moves a card to a sprint (or "not planned") and/or another team: one Agile API call (sprint
 * move or backlog), nothing when the card is already there. A team on another Jira project is
 * refused: Jira's REST API cannot move issues between projects.
 */
export async function moveCard(deps: AppDeps, caller: PlanningCaller, piId: string, issueKey: string, target: { sprintId: number | null; teamId?: string | undefined }) {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const card = await requirePlannableCard(deps, caller, pi.id, issueKey);
  const [sprints, teams] = await Promise.all([sprintsOf(deps.db, pi.id), teamsOf(deps.db, [pi.id])]);
  const sprint = target.sprintId === null ? null : sprints.find((candidate) => candidate.sprint_id === target.sprintId);
  if (sprint === undefined) throw new AppError("planning_refused", `Sprint ${target.sprintId} is not a sprint of this program increment; re-sync the PI if it was just created in Jira.`);
  if (sprint?.state === "closed") throw new AppError("planning_refused", `Sprint “${sprint.name}” is closed; Jira takes no issues into a closed sprint.`);
  if (sprint && target.teamId && target.teamId !== sprint.team_id) throw new AppError("validation_failed", "That sprint belongs to another team's board.", { field: "teamId" });
  const teamId = sprint?.team_id ?? target.teamId ?? card.team_id;
  const team = teams.find((candidate) => candidate.id === teamId);
  if (teamId !== null && !team) throw new AppError("validation_failed", "That team is not part of this program increment.", { field: "teamId" });
  if (team && team.project_key !== card.project_key) {
    throw new AppError(
      "planning_refused",
      `${issueKey} is in project ${card.project_key}, team ${team.name} plans project ${team.project_key}. Jira's REST API cannot move issues between projects: move it in Jira (⋯ → Move) and re-sync the PI.`,
    );
  }
  const sprintId = sprint?.sprint_id ?? null;
  return withCardLock(deps.db, card.issue_id, async (db) => {
    const current = await findCard(db, pi.id, issueKey);
    if (!current) throw cardNotFound(issueKey);
    let jiraRequests = 0;
    if (current.sprint_id !== sprintId) {
      try {
        if (sprintId === null) await jira.moveIssuesToBacklog([issueKey]);
        else await jira.moveIssuesToSprint(sprintId, [issueKey]);
        jiraRequests = 1;
      } catch (error) {
        throw planningJiraError(error, connection, sprintId === null ? `take ${issueKey} out of its sprint` : `move ${issueKey} into sprint ${sprint?.name ?? sprintId}`);
      }
    }
    await db.updateTable("planning_cards").set({ sprint_id: sprintId, team_id: team?.id ?? null, updated_at: new Date() }).where("pi_id", "=", pi.id).where("issue_id", "=", card.issue_id).execute();
    await bumpVersion(db, pi.id);
    return { issueKey, sprintId, teamId: team?.id ?? null, jiraRequests };
  });
}
