import type pg from "pg";

// First key of the two-key advisory lock: the namespace of webhook registration locks.
const WEBHOOK_LOCK_NAMESPACE = 74_202;

/**
 * Runs `work` holding the workspace's webhook-registration lock, on a dedicated connection (a
 * crash releases it): one registrar at a time across every process, so two never both see "no
 * registration" and both create one.
 */
export async function withWebhookLock<T>(pool: pg.Pool, workspaceId: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [WEBHOOK_LOCK_NAMESPACE, workspaceId]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [WEBHOOK_LOCK_NAMESPACE, workspaceId]).catch(onError);
    }
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
