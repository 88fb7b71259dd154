import { isJiraError, type JiraClient } from "../../../integrations/jira/client/index.ts";
import { explainMissingIssue, type MissingIssueSignal } from "../../../integrations/jira/sync/missing-issue.ts";
import type { Db } from "../../db/pool.ts";
import type { ConnectionRow } from "../../models/jira-connections.ts";
import type { JiraLinkRow } from "../../models/jira-links.ts";

/**
 * After a 404 on a linked issue: gathers what Jira and Tether still know to tell "deleted" from
 * "no longer visible" (integrations/jira/sync/missing-issue.ts). One extra Jira call at most.
 */
export async function diagnoseMissingIssue(db: Db, client: JiraClient, connection: ConnectionRow, link: JiraLinkRow): Promise<{ code: string; message: string }> {
  const issueKey = link.issue_key ?? link.issue_id ?? "the issue";
  const deletion = link.issue_id
    ? await db
        .selectFrom("jira_webhook_deliveries")
        .select("received_at")
        .where("workspace_id", "=", link.workspace_id)
        .where("issue_id", "=", link.issue_id)
        .where("event", "=", "jira:issue_deleted")
        .orderBy("received_at", "desc")
        .executeTakeFirst()
    : undefined;
  let signal: MissingIssueSignal;
  if (deletion) signal = "deleted";
  else {
    try {
      await client.getProject(link.project_key);
      signal = "issue_hidden";
    } catch (error) {
      if (!isJiraError(error)) throw error;
      signal = error.code === "NOT_FOUND" || error.code === "FORBIDDEN" ? "project_hidden" : "unknown";
    }
  }
  return explainMissingIssue(signal, { issueKey, projectKey: link.project_key, account: connection.account_display_name ?? connection.account_name, deletedAt: deletion?.received_at ?? null });
}
