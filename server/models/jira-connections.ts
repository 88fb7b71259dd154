import type { Db } from "../db/pool.ts";
import type { ConnectionKindColumn } from "../db/schema.ts";

export async function findConnection(db: Db, workspaceId: string) {
  return db.selectFrom("jira_connections").selectAll().where("workspace_id", "=", workspaceId).executeTakeFirst();
}

export type ConnectionRow = NonNullable<Awaited<ReturnType<typeof findConnection>>>;

export type ConnectionWrite = {
  kind: ConnectionKindColumn;
  base_url: string;
  account_name: string | null;
  project_keys: string[];
  token_expires_at?: Date | null;
};

export async function upsertConnection(
  db: Db,
  workspaceId: string,
  actorId: string,
  values: ConnectionWrite,
  sealSecret: ((connectionId: string) => { ciphertext: string; lastFour: string }) | null,
) {
  const existing = await db
    .selectFrom("jira_connections")
    .select(["id", "base_url", "kind"])
    .where("workspace_id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirst();
  // The secret is sealed with the row id as context, so the id is chosen before the insert.
  const id = existing?.id ?? crypto.randomUUID();
  const secret = sealSecret ? sealSecret(id) : null;
  // A changed site or kind invalidates whatever the last test learnt about it.
  const reset = { deployment_type: null, server_version: null, account_display_name: null, last_test: null, last_tested_at: null, cloud_id: null };
  if (existing) {
    // Another site (or another kind of Jira) makes the cached metadata someone else's.
    if (existing.base_url !== values.base_url || existing.kind !== values.kind) {
      await db.deleteFrom("jira_metadata").where("connection_id", "=", id).execute();
    }
    await db
      .updateTable("jira_connections")
      .set({
        ...values,
        ...reset,
        ...(secret ? { secret_ciphertext: secret.ciphertext, secret_last_four: secret.lastFour, secret_set_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    return id;
  }
  if (!secret) throw new Error("a new connection needs a secret");
  await db
    .insertInto("jira_connections")
    .values({ id, workspace_id: workspaceId, ...values, secret_ciphertext: secret.ciphertext, secret_last_four: secret.lastFour, created_by: actorId })
    .execute();
  return id;
}

export async function deleteConnection(db: Db, workspaceId: string): Promise<boolean> {
  const result = await db.deleteFrom("jira_connections").where("workspace_id", "=", workspaceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function saveTestResult(
  db: Db,
  connectionId: string,
  result: { test: unknown; deploymentType: string | null; serverVersion: string | null; accountDisplayName: string | null; cloudId?: string | null },
) {
  await db
    .updateTable("jira_connections")
    .set({
      last_test: JSON.stringify(result.test),
      last_tested_at: new Date(),
      deployment_type: result.deploymentType,
      server_version: result.serverVersion,
      account_display_name: result.accountDisplayName,
      ...(result.cloudId === undefined ? {} : { cloud_id: result.cloudId }),
    })
    .where("id", "=", connectionId)
    .execute();
}
