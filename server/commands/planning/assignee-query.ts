import { jqlString } from "../../../integrations/jira/client/jql.ts";

/** Who the assignee filter asks about: a Jira user (by the id the flavour uses), or nobody. */
export type AssigneeClause = { kind: "person"; jiraUserId: string } | { kind: "unassigned" };

/** Keys per search: a 500-card board is five requests, and each JQL stays far below Jira's length limits. */
export const keysPerSearch = 100;

export function assigneeJql(assignee: AssigneeClause, issueKeys: readonly string[]): string {
  const who = assignee.kind === "unassigned" ? "assignee is EMPTY" : `assignee = ${jqlString(assignee.jiraUserId)}`;
  return `${who} AND key in (${issueKeys.map(jqlString).join(", ")})`;
}

/** The keys in `chunk` order, split so that no search names more than `size`. */
export function keyChunks(issueKeys: readonly string[], size = keysPerSearch): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < issueKeys.length; start += size) chunks.push(issueKeys.slice(start, start + size));
  return chunks;
}

/**
 * Jira refuses a whole JQL when `key in (…)` names an issue that no longer exists (deleted, or
 * not visible to the account): "An issue with key 'TETH-9' does not exist for field 'key'." The
 * keys of `asked` its messages name, so the search can be repeated without them.
 */
export function keysJiraDoesNotKnow(errorMessages: readonly string[], asked: readonly string[]): string[] {
  const wanted = new Map(asked.map((key) => [key.toUpperCase(), key]));
  const named = new Set<string>();
  for (const message of errorMessages) {
    if (!/does not exist|is invalid|not valid/i.test(message)) continue;
    for (const match of message.matchAll(/'([A-Za-z][A-Za-z0-9_]*-\d+)'/g)) {
      const key = wanted.get((match[1] ?? "").toUpperCase());
      if (key) named.add(key);
    }
  }
  return [...named];
}
