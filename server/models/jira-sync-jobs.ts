import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { JiraSyncJobRow, SyncJobKind, SyncJobState } from "../db/schema-jira-reconcile.ts";

export type { JiraSyncJobRow } from "../db/schema-jira-reconcile.ts";

export async function createSyncJob(
  db: Db,
  values: { workspaceId: string; kind: SyncJobKind; state?: SyncJobState; request?: Record<string, unknown>; total?: number; createdBy: string | null },
): Promise<JiraSyncJobRow> {
  return db
    .insertInto("jira_sync_jobs")
    .values({
      workspace_id: values.workspaceId,
      kind: values.kind,
      state: values.state ?? "queued",
      request: JSON.stringify(values.request ?? {}),
      total: values.total ?? 0,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSyncJob(db: Db, workspaceId: string, jobId: string): Promise<JiraSyncJobRow | undefined> {
  return db.selectFrom("jira_sync_jobs").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", jobId).executeTakeFirst();
}

export async function latestSyncJob(db: Db, workspaceId: string, kind: SyncJobKind): Promise<JiraSyncJobRow | undefined> {
  return db.selectFrom("jira_sync_jobs").selectAll().where("workspace_id", "=", workspaceId).where("kind", "=", kind).orderBy("created_at", "desc").limit(1).executeTakeFirst();
}

export type SyncJobUpdate = Partial<{ state: SyncJobState; total: number; error_code: string | null; message: string | null; finished_at: Date | null }>;

export async function updateSyncJob(db: Db, jobId: string, update: SyncJobUpdate): Promise<void> {
  await db.updateTable("jira_sync_jobs").set(update).where("id", "=", jobId).execute();
}

/** Adds to the counters (several batches may report). */
export async function countSyncJob(db: Db, jobId: string, counts: { done?: number; failed?: number; skipped?: number }): Promise<void> {
  await db
    .updateTable("jira_sync_jobs")
    .set({
      done: sql<number>`done + ${counts.done ?? 0}`,
      failed: sql<number>`failed + ${counts.failed ?? 0}`,
      skipped: sql<number>`skipped + ${counts.skipped ?? 0}`,
    })
    .where("id", "=", jobId)
    .execute();
}
