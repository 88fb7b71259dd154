import { sql } from "kysely";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import type { AppDeps } from "../../http/types.ts";
import { recordSyncLog } from "../../models/jira-sync-log.ts";
import { findSyncSettings, markReconciled } from "../../models/jira-sync-settings.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { isSetupProblem, loadSyncSetup } from "./sync-setup.ts";

/**
 * How far back a run looks before the previous run's start, in minutes. Jira Cloud's search
 * index trails writes by seconds (sometimes more): a change made just before the last run but not
 * yet searchable then is still inside the next run's window.
 */
export const RECONCILE_OVERLAP_MINUTES = 5;
/** The first run of a workspace (no cursor yet) looks back one day. */
const FIRST_RUN_MINUTES = 24 * 60;
const STUCK_STATES = ["pending", "retrying", "creating"] as const;
/** A link in `error` (an unexpected answer, e.g. a cut-off body) is tried again this long after its last failure. */
const ERROR_RETRY_MS = 5 * 60_000;

export type ReconcileResult = {
  outcome: "ok" | "skipped" | "failed";
  windowMinutes: number | null;
  /** Issues the search returned. */
  searched: number;
  /** Linked issues changed in Jira since their link last saw them: sync enqueued. */
  changed: number;
  /** Links left pending, retrying or creating (or in error for 5 minutes): their sync job enqueued again (a waiting one keeps its time). */
  requeued: number;
};

/** JQL's relative period: minutes since the cursor plus the overlap, at least 2 (immune to the account's time zone). */
export function reconcileWindowMinutes(lastReconciledAt: Date | null, now: Date): number {
  if (!lastReconciledAt) return FIRST_RUN_MINUTES;
  const elapsed = Math.ceil(Math.max(0, now.getTime() - lastReconciledAt.getTime()) / 60_000);
  return Math.max(2, elapsed + RECONCILE_OVERLAP_MINUTES);
}

export function reconcileJql(projectKeys: readonly string[], windowMinutes: number): string {
  const projects = [...new Set(projectKeys)].map((key) => JSON.stringify(key)).join(", ");
  return `project in (${projects}) AND updated >= -${windowMinutes}m ORDER BY updated ASC`;
}

/**
 * One reconciliation run for a workspace (docs/SYNC.md, "Reconciliation"): finds linked issues
 * changed in Jira that no webhook brought, and links whose job was lost, and enqueues their sync.
 * Absence from the search never means anything (the index lags; permissions change).
 */
export async function reconcileWorkspace(deps: AppDeps, workspaceId: string): Promise<ReconcileResult> {
  const startedAt = new Date();
  const setup = await loadSyncSetup(deps, workspaceId);
  if (isSetupProblem(setup)) return { outcome: "skipped", windowMinutes: null, searched: 0, changed: 0, requeued: 0 };
  const links = await deps.db
    .selectFrom("jira_links")
    .select(["id", "issue_id", "project_key", "state", "state_code", "jira_updated_at", "updated_at"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  const nudge = (linkId: string) =>
    enqueue(deps.db, "jira_sync_link", { linkId, trigger: "reconcile" }, { jobKey: linkSyncJobKey(linkId), jobKeyMode: "preserve_run_at" });

  let requeued = 0;
  for (const link of links) {
    const erredLongAgo = link.state === "error" && link.updated_at.getTime() <= startedAt.getTime() - ERROR_RETRY_MS;
    if (!(STUCK_STATES as readonly string[]).includes(link.state) && !erredLongAgo) continue;
    if (link.state_code === "feature_off" && !setup.features.toJira) continue;
    await nudge(link.id);
    requeued += 1;
  }

  const result: ReconcileResult = { outcome: "ok", windowMinutes: null, searched: 0, changed: 0, requeued };
  if (setup.features.fromJira && links.some((l) => l.issue_id)) {
    const settings = await findSyncSettings(deps.db, workspaceId);
    result.windowMinutes = reconcileWindowMinutes(settings.lastReconciledAt, startedAt);
    const byIssue = new Map(links.filter((l) => l.issue_id).map((l) => [l.issue_id!, l]));
    const projects = [setup.mapping.projectKey, ...links.map((l) => l.project_key)];
    try {
      for await (const issue of setup.client.searchIssues(reconcileJql(projects, result.windowMinutes), { fields: ["updated"], pageSize: 100 })) {
        result.searched += 1;
        const link = byIssue.get(issue.id);
        if (!link || !issue.updated) continue;
        if (link.jira_updated_at && Date.parse(issue.updated) <= link.jira_updated_at.getTime()) continue;
        await nudge(link.id);
        result.changed += 1;
      }
    } catch (error) {
      if (!isJiraError(error)) throw error;
      const explained = explainJiraError(error, { baseUrl: setup.connection.base_url });
      await recordSyncLog(deps.db, {
        workspaceId, useCaseId: null, linkId: null, issueKey: null, operation: "reconcile", direction: "none", outcome: "failed",
        durationMs: Date.now() - startedAt.getTime(), errorCode: explained.code,
        message: `Reconciliation could not search Jira; it tries again at the next interval. ${explained.message}`,
      });
      return { ...result, outcome: "failed" };
    }
  }
  await markReconciled(deps.db, workspaceId, startedAt);
  await recordSyncLog(deps.db, {
    workspaceId, useCaseId: null, linkId: null, issueKey: null, operation: "reconcile", direction: "none", outcome: "ok",
    durationMs: Date.now() - startedAt.getTime(),
    changes: [
      { field: "searched", old: null, new: result.searched },
      { field: "changed", old: null, new: result.changed },
      { field: "requeued", old: null, new: result.requeued },
    ],
    message: result.windowMinutes === null
      ? `Re-queued ${requeued} link(s) left waiting; Jira was not searched (“Jira → Tether” is off or nothing is linked).`
      : `Searched issues updated in the last ${result.windowMinutes} min: ${result.searched} found, ${result.changed} changed since last seen (sync queued); re-queued ${requeued} link(s) left waiting.`,
  });
  return result;
}

/** Time of the last reconcile log entry (for the settings view). */
export async function lastReconcileEntry(deps: AppDeps, workspaceId: string) {
  return deps.db
    .selectFrom("jira_sync_log")
    .select(["outcome", "message", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("operation", "=", "reconcile")
    .orderBy(sql`id`, "desc")
    .limit(1)
    .executeTakeFirst();
}
