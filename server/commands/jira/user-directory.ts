import type { JiraClient, JiraUser } from "../../../integrations/jira/client/index.ts";
import type { JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import type { Db } from "../../db/pool.ts";
import { listMembers } from "../../models/workspaces.ts";

export type UserDirectory = {
  jiraUserFor(userId: string): string | null;
  memberForJiraUser(jiraUserId: string): string | null;
  /** "Display Name (id)" for a Jira user seen on an issue in this run, else the id: unmatched people are named, not hidden. */
  jiraUserLabel(jiraUserId: string): string;
  /** Learns a Jira user seen on an issue: a unique member with the same (visible) email becomes their match. */
  learn(user: JiraUser): Promise<void>;
  unmatched(): Array<{ userId: string; displayName: string; email: string }>;
};

const sameEmail = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Member ↔ Jira user: manual entries in the mapping first, then matches found by a unique email
 * (stored in jira_user_matches). Unmatched members are reported, never guessed.
 */
export async function loadUserDirectory(db: Db, workspaceId: string, mapping: JiraMapping): Promise<UserDirectory> {
  const members = await listMembers(db, workspaceId);
  const stored = await db.selectFrom("jira_user_matches").select(["user_id", "jira_user_id"]).where("workspace_id", "=", workspaceId).execute();
  const toJira = new Map<string, string>();
  for (const row of stored) toJira.set(row.user_id, row.jira_user_id);
  for (const entry of mapping.userMap) toJira.set(entry.userId, entry.jiraUserId);
  const toMember = () => new Map([...toJira].map(([userId, jiraId]) => [jiraId, userId]));
  let reverse = toMember();
  const seen = new Map<string, string>();
  return {
    jiraUserFor: (userId) => toJira.get(userId) ?? null,
    memberForJiraUser: (jiraUserId) => reverse.get(jiraUserId) ?? null,
    jiraUserLabel: (jiraUserId) => {
      const name = seen.get(jiraUserId);
      return name ? `${name} (${jiraUserId})` : jiraUserId;
    },
    async learn(user) {
      seen.set(user.id, user.displayName);
      if (reverse.has(user.id)) return;
      const candidates = members.filter((m) => sameEmail(m.email, user.email));
      const member = candidates.length === 1 ? candidates[0] : undefined;
      if (!member || toJira.has(member.userId)) return;
      await storeMatch(db, workspaceId, member.userId, user);
      toJira.set(member.userId, user.id);
      reverse = toMember();
    },
    unmatched: () => members.filter((m) => !toJira.has(m.userId)).map((m) => ({ userId: m.userId, displayName: m.displayName, email: m.email })),
  };
}

async function storeMatch(db: Db, workspaceId: string, userId: string, user: JiraUser) {
  await db
    .insertInto("jira_user_matches")
    .values({ workspace_id: workspaceId, user_id: userId, jira_user_id: user.id, jira_display_name: user.displayName })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ jira_user_id: user.id, jira_display_name: user.displayName, checked_at: new Date() }))
    .execute();
}

/** Looks up members with no match by email in Jira; only a single exact match counts. Returns how many were matched. */
export async function matchMembersByEmail(db: Db, client: JiraClient, workspaceId: string, directory: UserDirectory, limit = 50): Promise<number> {
  let matched = 0;
  for (const member of directory.unmatched().slice(0, limit)) {
    const found = (await client.searchUsers(member.email, { maxResults: 5 })).filter((u) => u.active && sameEmail(u.email, member.email));
    const user = found.length === 1 ? found[0] : undefined;
    if (!user) continue;
    await storeMatch(db, workspaceId, member.userId, user);
    matched += 1;
  }
  return matched;
}
