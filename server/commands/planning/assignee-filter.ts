import type { AssignablePeople, AssigneeFilterQuery, AssigneeFilterResult } from "../../../common/contracts/planning-assignees.ts";
import { isJiraError, type JiraClient } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { cardsOf, teamsOf } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { type AssigneeClause, assigneeJql, keyChunks, keysJiraDoesNotKnow } from "./assignee-query.ts";
import { callerJiraAccount } from "./caller-jira-account.ts";

/** The picker never needs more than this many names at once; typing narrows it. */
const peopleShown = 50;

/**
 * The people a PI's cards can be assigned to: Jira's assignable users of each of the teams'
 * projects (one request per project), merged by Jira user id and sorted by name. Asked live and
 * never stored (ADR 0016).
 */
export async function listPlanningAssignees(deps: AppDeps, caller: PlanningCaller, piId: string, query: string | undefined): Promise<AssignablePeople> {
  authorisePlanning(caller, "planning.view");
  await requirePi(deps, caller, piId);
  const { connection, jira } = await planningContext(deps, caller.workspaceId);
  const projectKeys = [...new Set((await teamsOf(deps.db, [piId])).map((team) => team.project_key))].sort();
  const people = new Map<string, string>();
  try {
    for (const projectKey of projectKeys) {
      const users = await jira.assignableUsers(projectKey, { ...(query ? { query } : {}), maxResults: peopleShown });
      for (const user of users) if (user.active) people.set(user.id, user.displayName);
    }
  } catch (error) {
    throw planningJiraError(error, connection, "list the people who can be assigned issues");
  }
  const sorted = [...people].map(([jiraUserId, displayName]) => ({ jiraUserId, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName) || a.jiraUserId.localeCompare(b.jiraUserId));
  return { people: sorted.slice(0, peopleShown), jiraRequests: projectKeys.length };
}

/**
 * Which of the PI's cards one person holds (or nobody holds): `assignee … AND key in (…)` over the
 * card keys, 100 keys per search, reading no field values. Answers issue ids and keys only; nothing
 * is written.
 */
export async function filterPlanningCardsByAssignee(deps: AppDeps, caller: PlanningCaller, piId: string, query: AssigneeFilterQuery): Promise<AssigneeFilterResult> {
  authorisePlanning(caller, "planning.view");
  await requirePi(deps, caller, piId);
  const { connection, jira } = await planningContext(deps, caller.workspaceId);
  const cards = await cardsOf(deps.db, piId);
  let jiraRequests = 0;
  try {
    let clause: AssigneeClause;
    if (query.unassigned) clause = { kind: "unassigned" };
    else if (query.assignee) clause = { kind: "person", jiraUserId: query.assignee };
    else {
      const me = await callerJiraAccount(deps, caller, jira);
      jiraRequests += me.jiraRequests;
      clause = { kind: "person", jiraUserId: me.jiraUserId };
    }
    const found = new Set<string>();
    for (const keys of keyChunks(cards.map((card) => card.issue_key))) {
      const searched = await searchChunk(jira, clause, keys);
      jiraRequests += searched.requests;
      for (const id of searched.issueIds) found.add(id);
    }
    const held = cards.filter((card) => found.has(card.issue_id));
    return { issueIds: held.map((card) => card.issue_id), issueKeys: held.map((card) => card.issue_key), jiraRequests };
  } catch (error) {
    throw planningJiraError(error, connection, "say whose cards these are");
  }
}

/** One chunk, every page; a key Jira no longer knows (deleted since the last sync) is left out and the chunk asked again once. */
export async function searchChunk(jira: JiraClient, clause: AssigneeClause, keys: readonly string[]): Promise<{ issueIds: string[]; requests: number }> {
  let asked = [...keys];
  let requests = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const issueIds: string[] = [];
      let cursor: string | null = null;
      do {
        requests += 1;
        const page = await jira.searchIssueRefsPage(assigneeJql(clause, asked), { cursor, pageSize: 100 });
        issueIds.push(...page.refs.map((ref) => ref.id));
        cursor = page.nextCursor;
      } while (cursor);
      return { issueIds, requests };
    } catch (error) {
      const unknown = attempt === 0 && isJiraError(error) && error.code === "VALIDATION" ? keysJiraDoesNotKnow(error.errorMessages, asked) : [];
      if (unknown.length === 0) throw error;
      asked = asked.filter((key) => !unknown.includes(key));
      if (asked.length === 0) return { issueIds: [], requests };
    }
  }
}
