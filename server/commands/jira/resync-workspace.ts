import { sql } from "kysely";
import type { SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/types.ts";
import { findConnection } from "../../models/jira-connections.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import { createSyncJob, type JiraSyncJobRow, latestSyncJob } from "../../models/jira-sync-jobs.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { presentSyncJob } from "../../presenters/jira-sync-jobs.ts";

/** "Re-sync now" for the workspace: every link's sync job, one tracked handle. */
export async function resyncWorkspace(deps: AppDeps, caller: { userId: string; workspaceId: string }): Promise<SyncJobProgress> {
  if (!(await findConnection(deps.db, caller.workspaceId))) throw new AppError("not_connected", "This workspace has no Jira connection yet. An Admin or Moderator can add one under Settings → Jira.");
  if (!(await findMapping(deps.db, caller.workspaceId))) throw new AppError("mapping_required", "Save the field mapping first (Settings → Jira → Mapping).");
  const job = await deps.db.transaction().execute(async (trx) => {
    const links = await trx.selectFrom("jira_links").select("id").where("workspace_id", "=", caller.workspaceId).execute();
    const created = await createSyncJob(trx, { workspaceId: caller.workspaceId, kind: "resync", state: "running", total: links.length, createdBy: caller.userId });
    for (const link of links) await enqueue(trx, "jira_sync_link", { linkId: link.id, trigger: "manual" }, { jobKey: linkSyncJobKey(link.id) });
    return created;
  });
  return resyncProgressOf(deps, job);
}

/**
 * Progress of a re-sync, read from the links themselves: done = synced since the request;
 * failed = not synced since, but blocked, in error or broken since. Links made later do not count.
 */
export async function resyncProgressOf(deps: AppDeps, job: JiraSyncJobRow): Promise<SyncJobProgress> {
  const since = job.created_at;
  const row = await deps.db
    .selectFrom("jira_links")
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`count(*) FILTER (WHERE last_synced_at >= ${since})::int`.as("done"),
      sql<number>`count(*) FILTER (WHERE (last_synced_at IS NULL OR last_synced_at < ${since}) AND state IN ('blocked', 'error', 'broken') AND updated_at >= ${since})::int`.as("failed"),
    ])
    .where("workspace_id", "=", job.workspace_id)
    .where("created_at", "<=", since)
    .executeTakeFirstOrThrow();
  const finished = row.done + row.failed >= row.total;
  return presentSyncJob({ ...job, total: row.total, done: row.done, failed: row.failed, state: finished ? "done" : "running" });
}

export async function latestResync(deps: AppDeps, workspaceId: string): Promise<SyncJobProgress | null> {
  const job = await latestSyncJob(deps.db, workspaceId, "resync");
  return job ? resyncProgressOf(deps, job) : null;
}
