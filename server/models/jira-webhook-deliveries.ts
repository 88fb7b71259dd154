import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { DeliveryStatus, WebhookDeliveryRow } from "../db/schema-jira-webhooks.ts";

export type { WebhookDeliveryRow } from "../db/schema-jira-webhooks.ts";

export type NewDelivery = {
  workspaceId: string;
  identifier: string;
  event: string;
  issueId: string | null;
  issueKey: string | null;
  /** Sprint events only. */
  sprintId?: number | null;
  /** Issue-link events only: the second issue. */
  linkedIssueId?: string | null;
  signed: boolean;
};

/**
 * Stores a delivery and enqueues its ingest job in ONE statement (so one round trip, and the job
 * exists exactly when the row does). A replayed identifier inserts nothing and enqueues nothing:
 * returns false.
 */
export async function storeDelivery(db: Db, delivery: NewDelivery): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH stored AS (
      INSERT INTO jira_webhook_deliveries (workspace_id, identifier, event, issue_id, issue_key, sprint_id, linked_issue_id, signed)
      VALUES (${delivery.workspaceId}, ${delivery.identifier}, ${delivery.event}, ${delivery.issueId}, ${delivery.issueKey}, ${delivery.sprintId ?? null}, ${delivery.linkedIssueId ?? null}, ${delivery.signed})
      ON CONFLICT (workspace_id, identifier) DO NOTHING
      RETURNING id
    )
    SELECT stored.id, graphile_worker.add_job('jira_webhook_ingest', json_build_object('deliveryId', stored.id::text)) FROM stored
  `.execute(db);
  return result.rows.length > 0;
}

export async function findDelivery(db: Db, deliveryId: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom("jira_webhook_deliveries").selectAll().where("id", "=", deliveryId).executeTakeFirst();
}

export async function markDelivery(db: Db, deliveryId: string, status: DeliveryStatus, note: string | null = null): Promise<void> {
  await db.updateTable("jira_webhook_deliveries").set({ status, note, handled_at: new Date() }).where("id", "=", deliveryId).execute();
}

export async function deliveriesSince(db: Db, workspaceId: string, since: Date): Promise<WebhookDeliveryRow[]> {
  return db.selectFrom("jira_webhook_deliveries").selectAll().where("workspace_id", "=", workspaceId).where("received_at", ">=", since).orderBy("id").limit(20).execute();
}

export type DeliveryStats = { lastDeliveryAt: Date | null; counts: Record<DeliveryStatus, number> };

/** Counts over what is kept (the last 7 days), for the settings page. */
export async function deliveryStats(db: Db, workspaceId: string): Promise<DeliveryStats> {
  const rows = await db
    .selectFrom("jira_webhook_deliveries")
    .select(["status", sql<number>`count(*)::int`.as("count"), sql<Date | null>`max(received_at)`.as("last")])
    .where("workspace_id", "=", workspaceId)
    .groupBy("status")
    .execute();
  const counts: Record<DeliveryStatus, number> = { received: 0, synced: 0, ignored: 0, broken: 0 };
  let lastDeliveryAt: Date | null = null;
  for (const row of rows) {
    counts[row.status] = row.count;
    if (row.last && (!lastDeliveryAt || row.last > lastDeliveryAt)) lastDeliveryAt = row.last;
  }
  return { lastDeliveryAt, counts };
}

export const DELIVERY_RETENTION_MS = 7 * 86_400_000;

export async function purgeOldDeliveries(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom("jira_webhook_deliveries").where("received_at", "<", new Date(now.getTime() - DELIVERY_RETENTION_MS)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
