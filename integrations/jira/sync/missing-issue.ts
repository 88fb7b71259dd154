/**
 * Jira answers 404 for an issue that was deleted and for one the account may no longer see (an
 * issue security level, or Browse Projects taken away) — on purpose, the same answer. What Tether
 * can still tell apart, and says (docs/SYNC.md, "When a linked issue disappears"):
 *
 * - `deleted`: Jira's own `jira:issue_deleted` webhook for this issue reached Tether;
 * - `project_hidden`: the account can no longer see the project either — a permission change;
 * - `issue_hidden`: the project is still visible and no delete webhook came — an issue security
 *   level hides it, or it was deleted while webhooks were not reaching Tether. Only a Jira admin
 *   can tell which; Tether says so instead of guessing;
 * - `unknown`: the project check itself failed (Jira down): the plain explanation.
 *
 * In every case the link stays (state `broken`) and nothing in the use case changes: a hidden
 * issue that becomes visible again syncs on the next "Sync now".
 */
export type MissingIssueSignal = "deleted" | "issue_hidden" | "project_hidden" | "unknown";

export type MissingIssueContext = { issueKey: string; projectKey: string; account: string | null; deletedAt: Date | null };

export function explainMissingIssue(signal: MissingIssueSignal, context: MissingIssueContext): { code: string; message: string } {
  const { issueKey, projectKey } = context;
  const account = context.account ? `the connection's account (${context.account})` : "the connection's account";
  switch (signal) {
    case "deleted":
      return {
        code: "issue_deleted",
        message: `${issueKey} was deleted in Jira (Jira's delete webhook${context.deletedAt ? ` of ${context.deletedAt.toISOString()}` : ""} said so). The use case is kept; unlink it, or link it to another Epic.`,
      };
    case "issue_hidden":
      return {
        code: "jira_issue_not_visible",
        message: `${issueKey} answers "not found", but project ${projectKey} is still visible and no delete webhook came for it: either an issue security level now hides it from ${account}, or it was deleted while webhooks were not reaching Tether. Ask a Jira admin whether ${issueKey} still exists: if it does, add the account to its security level (or lift the level) and use "Sync now"; if it was deleted, unlink. Nothing was unlinked or changed meanwhile.`,
      };
    case "project_hidden":
      return {
        code: "jira_project_not_visible",
        message: `${account} can no longer see project ${projectKey}, so ${issueKey} cannot be read (it may well still exist). Ask a Jira admin to grant "Browse Projects" in ${projectKey} again, then use "Sync now". Nothing was unlinked or changed meanwhile.`,
      };
    case "unknown":
      return {
        code: "jira_issue_missing",
        message: `${issueKey} no longer exists in Jira, or ${account} can no longer see it. The use case is kept; relink it to another Epic or unlink it.`,
      };
    default:
      return assertNever(signal);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexplained signal: ${String(value)}`);
}
