import type { JiraSprint } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { bumpVersion, type CardWrite, type DependencyWrite, replaceCards, sprintsOf, teamsOf, upsertSprint } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { cardFieldList, toCardWrite } from "./card-fields.ts";
import { cardFieldIds, dependenciesOf, epicKeysOf, piIssues } from "./card-source.ts";

export type ResyncProgress = { stage: "sprints" | "issues" | "saving"; done: number };

const day = 86_400_000;

/** A sprint belongs to the PI when it is not closed and its dates (if any) overlap the PI's. */
export function sprintInPi(sprint: Pick<JiraSprint, "state" | "startDate" | "endDate">, startsOn: string, endsOn: string): boolean {
  if (sprint.state === "closed") return false;
  const start = sprint.startDate ? Date.parse(sprint.startDate) : null;
  const end = sprint.endDate ? Date.parse(sprint.endDate) : null;
  if (start !== null && start > Date.parse(endsOn) + day) return false;
  if (end !== null && end < Date.parse(startsOn)) return false;
  return true;
}

/**
 * Pulls the PI's sprints, cards and dependencies from Jira and replaces what is stored. Reads only
 * (one walk per board, per Epic, and one JQL search); the answer counts what was taken in.
 */
export async function resyncPi(deps: AppDeps, caller: PlanningCaller, piId: string, onProgress?: (progress: ResyncProgress) => void) {
  authorisePlanning(caller, "planning.setup");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const teams = await teamsOf(deps.db, [pi.id]);
  try {
    let sprintCount = 0;
    for (const team of teams) {
      for await (const sprint of jira.sprintsForBoard(team.board_id, { states: ["active", "future"] })) {
        if (sprint.originBoardId !== null && sprint.originBoardId !== team.board_id) continue;
        if (!sprintInPi(sprint, pi.starts_on, pi.ends_on)) continue;
        await upsertSprint(deps.db, { pi_id: pi.id, team_id: team.id, sprint_id: sprint.id, name: sprint.name, state: sprint.state, starts_at: sprint.startDate, ends_at: sprint.endDate });
        onProgress?.({ stage: "sprints", done: ++sprintCount });
      }
    }
    const sprints = await sprintsOf(deps.db, pi.id);
    const sprintTeam = new Map(sprints.map((sprint) => [sprint.sprint_id, sprint.team_id]));
    const projectTeam = new Map<string, string>();
    for (const team of teams) if (!projectTeam.has(team.project_key)) projectTeam.set(team.project_key, team.id);
    const ids = await cardFieldIds(deps, connection, pi, jira);
    const cards = new Map<string, CardWrite>();
    const links = new Map<string, DependencyWrite>();
    const projectKeys = [...new Set(teams.map((team) => team.project_key))];
    for await (const issue of piIssues(jira, await epicKeysOf(deps, pi.id), pi, projectKeys, cardFieldList(ids))) {
      if (cards.has(issue.id)) continue;
      cards.set(issue.id, toCardWrite(issue, ids, { bySprint: (id) => sprintTeam.get(id) ?? null, byProject: (key) => projectTeam.get(key) ?? null }));
      for (const link of dependenciesOf(issue)) links.set(link.linkId, link);
      if (cards.size % 100 === 0) onProgress?.({ stage: "issues", done: cards.size });
    }
    // Only links between two cards of the PI are dependencies on its board.
    const dependencies = [...links.values()].filter((link) => cards.has(link.outwardIssueId) && cards.has(link.inwardIssueId));
    onProgress?.({ stage: "saving", done: cards.size });
    const syncedAt = new Date();
    await deps.db.transaction().execute(async (trx) => {
      await replaceCards(trx, pi.id, [...cards.values()], dependencies);
      await trx.updateTable("planning_increments").set({ synced_at: syncedAt }).where("id", "=", pi.id).execute();
      await bumpVersion(trx, pi.id);
    });
    return { cards: cards.size, sprints: sprints.length, dependencies: dependencies.length, syncedAt: syncedAt.toISOString() };
  } catch (error) {
    throw planningJiraError(error, connection, "hand over the program increment's sprints and issues");
  }
}
