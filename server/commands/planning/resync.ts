import type { JiraSprint } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { bumpVersion, type CardWrite, excludedIssueIds, replaceTeamCards, type PlanningIncrementRow, type DependencyWrite, replaceCards, sprintsOf, teamsOf, upsertSprint } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { cardFieldList, teamLookup, toCardWrite } from "./card-fields.ts";
import { cardFieldIds, dependenciesOf, epicKeysOf, piIssues } from "./card-source.ts";

/** How far a re-sync got: boards walked for sprints, issues taken in, links kept, then saving (total 0 while unknown). */
export type ResyncProgress = { phase: "sprints" | "issues" | "links" | "saving"; done: number; total: number };
export type ResyncOutcome = { cards: number; sprints: number; dependencies: number; syncedAt: string };

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
export async function resyncPi(deps: AppDeps, caller: PlanningCaller, piId: string, onProgress?: (progress: ResyncProgress) => Promise<void>): Promise<ResyncOutcome> {
  authorisePlanning(caller, "planning.setup");
  return pullPi(deps, await requirePi(deps, caller, piId), onProgress);
}

/** The pull itself, for a PI already found and authorised (the queued job runs this). */
export async function pullPi(deps: AppDeps, pi: PlanningIncrementRow, onProgress?: (progress: ResyncProgress) => Promise<void>, teamId?: string): Promise<ResyncOutcome> {
  const { jira, connection } = await planningContext(deps, pi.workspace_id);
  const teams = await teamsOf(deps.db, [pi.id]);
  // One team's board: its sprints are walked and only its cards are replaced.
  const walked = teamId ? teams.filter((team) => team.id === teamId) : teams;
  try {
    let boardsWalked = 0;
    await onProgress?.({ phase: "sprints", done: 0, total: walked.length });
    for (const team of walked) {
      for await (const sprint of jira.sprintsForBoard(team.board_id, { states: ["active", "future"] })) {
        if (sprint.originBoardId !== null && sprint.originBoardId !== team.board_id) continue;
        if (!sprintInPi(sprint, pi.starts_on, pi.ends_on)) continue;
        await upsertSprint(deps.db, { pi_id: pi.id, team_id: team.id, sprint_id: sprint.id, name: sprint.name, state: sprint.state, starts_at: sprint.startDate, ends_at: sprint.endDate });
      }
      await onProgress?.({ phase: "sprints", done: ++boardsWalked, total: walked.length });
    }
    const sprints = await sprintsOf(deps.db, pi.id);
    const placement = teamLookup(sprints, teams);
    const ids = await cardFieldIds(deps, connection, pi, jira);
    const cards = new Map<string, CardWrite>();
    const links = new Map<string, DependencyWrite>();
    const projectKeys = [...new Set(teams.map((team) => team.project_key))];
    const excluded = await excludedIssueIds(deps.db, pi.id);
    for await (const issue of piIssues(jira, await epicKeysOf(deps, pi.id), pi, projectKeys, cardFieldList(ids))) {
      if (cards.has(issue.id) || excluded.has(issue.id)) continue;
      cards.set(issue.id, toCardWrite(issue, ids, placement));
      for (const link of dependenciesOf(issue)) links.set(link.linkId, link);
      if (cards.size % 100 === 0) await onProgress?.({ phase: "issues", done: cards.size, total: 0 });
    }
    // Only links between two cards of the PI are dependencies on its board.
    await onProgress?.({ phase: "issues", done: cards.size, total: cards.size });
    const dependencies = [...links.values()].filter((link) => cards.has(link.outwardIssueId) && cards.has(link.inwardIssueId));
    await onProgress?.({ phase: "links", done: dependencies.length, total: links.size });
    await onProgress?.({ phase: "saving", done: 0, total: cards.size });
    const syncedAt = new Date();
    await deps.db.transaction().execute(async (trx) => {
      if (teamId) {
        const teamCards = [...cards.values()].filter((card) => card.teamId === teamId);
        const onTeam = new Set(teamCards.map((card) => card.issueId));
        const onBoard = new Set((await trx.selectFrom("planning_cards").select("issue_id").where("pi_id", "=", pi.id).execute()).map((row) => row.issue_id));
        const touching = dependencies.filter((link) => (onTeam.has(link.outwardIssueId) || onTeam.has(link.inwardIssueId)) && (onTeam.has(link.outwardIssueId) || onBoard.has(link.outwardIssueId)) && (onTeam.has(link.inwardIssueId) || onBoard.has(link.inwardIssueId)));
        await replaceTeamCards(trx, pi.id, teamId, teamCards, touching);
      } else {
        await replaceCards(trx, pi.id, [...cards.values()], dependencies);
      }
      await trx.updateTable("planning_increments").set({ synced_at: syncedAt }).where("id", "=", pi.id).execute();
      await bumpVersion(trx, pi.id);
    });
    return { cards: cards.size, sprints: sprints.length, dependencies: dependencies.length, syncedAt: syncedAt.toISOString() };
  } catch (error) {
    throw planningJiraError(error, connection, "hand over the program increment's sprints and issues");
  }
}
