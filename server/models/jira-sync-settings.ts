import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

export const DEFAULT_RECONCILE_INTERVAL_SECONDS = 60;
/** The minute tick fires a little late or early; a run this close to due counts as due. */
const DUE_SLACK_SECONDS = 15;

export type SyncSettings = { reconcileIntervalSeconds: number; lastReconciledAt: Date | null };

export async function findSyncSettings(db: Db, workspaceId: string): Promise<SyncSettings> {
  const row = await db.selectFrom("jira_sync_settings").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirst();
  return { reconcileIntervalSeconds: row?.reconcile_interval_seconds ?? DEFAULT_RECONCILE_INTERVAL_SECONDS, lastReconciledAt: row?.last_reconciled_at ?? null };
}

export async function saveReconcileInterval(db: Db, workspaceId: string, seconds: number): Promise<void> {
  await db
    .insertInto("jira_sync_settings")
    .values({ workspace_id: workspaceId, reconcile_interval_seconds: seconds, updated_at: new Date() })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ reconcile_interval_seconds: seconds, updated_at: new Date() }))
    .execute();
}

/** Moves the cursor: the next run searches from `startedAt` (minus the overlap). Never moves it back. */
export async function markReconciled(db: Db, workspaceId: string, startedAt: Date): Promise<void> {
  await db
    .insertInto("jira_sync_settings")
    .values({ workspace_id: workspaceId, last_reconciled_at: startedAt, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column("workspace_id").doUpdateSet({
        last_reconciled_at: sql<Date>`GREATEST(jira_sync_settings.last_reconciled_at, excluded.last_reconciled_at)`,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Workspaces with a connection and a saved mapping whose reconciliation interval has elapsed. */
export async function workspacesDueForReconcile(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom("jira_connections as c")
    .innerJoin("jira_field_mappings as m", "m.workspace_id", "c.workspace_id")
    .leftJoin("jira_sync_settings as s", "s.workspace_id", "c.workspace_id")
    .select("c.workspace_id")
    .where(
      sql<boolean>`s.last_reconciled_at IS NULL OR s.last_reconciled_at <= ${now}::timestamptz - make_interval(secs => COALESCE(s.reconcile_interval_seconds, ${DEFAULT_RECONCILE_INTERVAL_SECONDS}) - ${DUE_SLACK_SECONDS})`,
    )
    .execute();
  return rows.map((r) => r.workspace_id);
}
