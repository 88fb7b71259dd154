import type { PlanningBoard, PlanningCard, PlanningDependency, PlanningSprint, ProgramIncrement } from "../../../common/contracts/planning.ts";
import type { AppDeps } from "../../deps.ts";
import { cardsOf, dependenciesOf, type PlanningCardRow, type PlanningIncrementRow, type PlanningSprintRow, sprintsOf, teamsOf, useCaseIdsOf } from "../../models/planning.ts";
import { assignedToSql } from "../../policies/use-case-sql.ts";
import { authorisePlanning, type PlanningCaller, planningContext, requirePi } from "./access.ts";

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const num = (value: string | null) => (value === null ? null : Number(value));

export async function presentPis(deps: AppDeps, rows: readonly PlanningIncrementRow[]): Promise<ProgramIncrement[]> {
  const ids = rows.map((row) => row.id);
  const [teams, useCases] = await Promise.all([teamsOf(deps.db, ids), useCaseIdsOf(deps.db, ids)]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    jql: row.jql,
    wsjfFieldId: row.wsjf_field_id,
    version: Number(row.version),
    syncedAt: iso(row.synced_at),
    teams: teams.filter((team) => team.pi_id === row.id).map((team) => ({ id: team.id, boardId: team.board_id, name: team.name, projectKey: team.project_key, capacity: Number(team.capacity) })),
    useCaseIds: useCases.filter((link) => link.pi_id === row.id).map((link) => link.use_case_id),
  }));
}

/** Epic key → use case id, and the Epic keys whose use cases are assigned to the caller. */
export async function epicOwners(deps: AppDeps, caller: PlanningCaller, epicKeys: readonly string[]) {
  if (epicKeys.length === 0) return { useCaseOf: new Map<string, string>(), assigned: new Set<string>() };
  const rows = await deps.db
    .selectFrom("jira_links")
    .innerJoin("use_cases", "use_cases.id", "jira_links.use_case_id")
    .select((eb) => ["jira_links.issue_key", "use_cases.id", assignedToSql(eb, caller.userId).as("assigned")])
    .where("jira_links.workspace_id", "=", caller.workspaceId)
    .where("jira_links.issue_key", "in", epicKeys)
    .execute();
  const useCaseOf = new Map<string, string>();
  const assigned = new Set<string>();
  for (const row of rows) {
    if (!row.issue_key) continue;
    useCaseOf.set(row.issue_key, row.id);
    if (row.assigned) assigned.add(row.issue_key);
  }
  return { useCaseOf, assigned };
}

/** Admins and Moderators plan every card; Members the cards of use cases assigned to them. */
export function mayPlanCard(caller: PlanningCaller, card: Pick<PlanningCardRow, "epic_key">, assigned: ReadonlySet<string>): boolean {
  if (caller.role === "admin" || caller.role === "moderator") return true;
  return caller.role === "member" && card.epic_key !== null && assigned.has(card.epic_key);
}

/** Sprint order for "backwards in time": by end (or start) date, undated sprints last, then by id. */
export function sprintRank(sprints: readonly PlanningSprintRow[]): Map<number, number> {
  const time = (sprint: PlanningSprintRow) => (sprint.ends_at ?? sprint.starts_at)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...sprints].sort((a, b) => time(a) - time(b) || a.sprint_id - b.sprint_id);
  return new Map(sorted.map((sprint, index) => [sprint.sprint_id, time(sprint) === Number.MAX_SAFE_INTEGER ? sprints.length + index : index]));
}

/** A dependency runs backwards when the blocker lands after the card that waits for it (or is not planned). */
export function runsBackwards(blockerSprint: number | null, dependentSprint: number | null, rank: ReadonlyMap<number, number>): boolean {
  if (dependentSprint === null) return false;
  if (blockerSprint === null) return true;
  return (rank.get(blockerSprint) ?? Infinity) > (rank.get(dependentSprint) ?? Infinity);
}

export async function readBoard(deps: AppDeps, caller: PlanningCaller, piId: string): Promise<PlanningBoard> {
  authorisePlanning(caller, "planning.view");
  const row = await requirePi(deps, caller, piId);
  await planningContext(deps, caller.workspaceId);
  const [[pi], sprints, cards, links] = await Promise.all([presentPis(deps, [row]), sprintsOf(deps.db, piId), cardsOf(deps.db, piId), dependenciesOf(deps.db, piId)]);
  const { useCaseOf, assigned } = await epicOwners(deps, caller, [...new Set(cards.map((card) => card.epic_key).filter((key): key is string => key !== null))]);
  const rank = sprintRank(sprints);
  const sprintOfIssue = new Map(cards.map((card) => [card.issue_id, card.sprint_id]));
  const presentedCards: PlanningCard[] = cards.map((card) => ({
    issueId: card.issue_id,
    key: card.issue_key,
    summary: card.summary,
    issueTypeId: card.issue_type_id,
    statusId: card.status_id,
    storyPoints: num(card.story_points),
    wsjf: num(card.wsjf),
    epicKey: card.epic_key,
    useCaseId: card.epic_key ? (useCaseOf.get(card.epic_key) ?? null) : null,
    teamId: card.team_id,
    sprintId: card.sprint_id,
    mayPlan: mayPlanCard(caller, card, assigned),
  }));
  const dependencies: PlanningDependency[] = links.map((link) => ({
    linkId: link.link_id,
    linkType: link.link_type,
    fromIssueId: link.outward_issue_id,
    toIssueId: link.inward_issue_id,
    backwards: runsBackwards(sprintOfIssue.get(link.outward_issue_id) ?? null, sprintOfIssue.get(link.inward_issue_id) ?? null, rank),
  }));
  const presentedSprints: PlanningSprint[] = sprints.map((sprint) => ({ sprintId: sprint.sprint_id, teamId: sprint.team_id, name: sprint.name, state: sprint.state, startsAt: iso(sprint.starts_at), endsAt: iso(sprint.ends_at) }));
  const capacity = new Map((pi?.teams ?? []).map((team) => [team.id, team.capacity]));
  const load = sprints.map((sprint) => {
    const points = cards.filter((card) => card.sprint_id === sprint.sprint_id).reduce((sum, card) => sum + (num(card.story_points) ?? 0), 0);
    const teamCapacity = capacity.get(sprint.team_id) ?? 0;
    return { teamId: sprint.team_id, sprintId: sprint.sprint_id, points, capacity: teamCapacity, over: points > teamCapacity };
  });
  if (!pi) throw new Error("presentPis lost a row");
  return { pi, sprints: presentedSprints, cards: presentedCards, dependencies, load };
}

/** The cheap poll of other planners: one indexed row. */
export async function readVersion(deps: AppDeps, caller: PlanningCaller, piId: string): Promise<{ version: number }> {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  return { version: Number(pi.version) };
}
