import { randomBytes } from "node:crypto";
import type { Db } from "../db/pool.ts";
import type { WebhookEndpointRow, WebhookEndpointState } from "../db/schema-jira-webhooks.ts";
import type { SecretBox } from "../security/secret-box.ts";

export type { WebhookEndpointRow } from "../db/schema-jira-webhooks.ts";

export async function findEndpoint(db: Db, workspaceId: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom("jira_webhook_endpoints").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirst();
}

export async function findEndpointByPath(db: Db, pathId: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom("jira_webhook_endpoints").selectAll().where("path_id", "=", pathId).executeTakeFirst();
}

/** The workspace's endpoint, created on first use with a fresh path id and secret (idempotent under races). */
export async function ensureEndpoint(db: Db, secretBox: SecretBox, workspaceId: string): Promise<WebhookEndpointRow> {
  const existing = await findEndpoint(db, workspaceId);
  if (existing) return existing;
  const pathId = randomBytes(32).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  await db
    .insertInto("jira_webhook_endpoints")
    .values({ workspace_id: workspaceId, path_id: pathId, secret_ciphertext: secretBox.seal(secret, pathId), updated_at: new Date() })
    .onConflict((oc) => oc.column("workspace_id").doNothing())
    .execute();
  const row = await findEndpoint(db, workspaceId);
  if (!row) throw new Error("webhook endpoint vanished after insert");
  return row;
}

export const endpointSecret = (secretBox: SecretBox, row: WebhookEndpointRow) => secretBox.open(row.secret_ciphertext, row.path_id);

export type EndpointUpdate = Partial<{
  accept_unsigned: boolean;
  custom_jql: string | null;
  state: WebhookEndpointState;
  state_reason: string | null;
  jira_webhook_id: string | null;
  registered_url: string | null;
  registered_fingerprint: string | null;
  registered_at: Date | null;
}>;

export async function updateEndpoint(db: Db, workspaceId: string, update: EndpointUpdate): Promise<void> {
  await db.updateTable("jira_webhook_endpoints").set({ ...update, updated_at: new Date() }).where("workspace_id", "=", workspaceId).execute();
}

/** Remembers the last refused delivery so "verify" can say a wrong secret is in Jira. Keeps nothing of the body. */
export async function recordRejection(db: Db, workspaceId: string, reason: string): Promise<void> {
  await db.updateTable("jira_webhook_endpoints").set({ last_rejected_at: new Date(), last_rejected_reason: reason }).where("workspace_id", "=", workspaceId).execute();
}
