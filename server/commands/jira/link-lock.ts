import type pg from "pg";

// First key of the two-key advisory lock: the namespace of Jira link locks.
const LINK_LOCK_NAMESPACE = 74_201;

/**
 * Runs `work` while holding the link's advisory lock: one writer per Jira issue at a time,
 * across every worker and web process. The lock lives on a dedicated connection, so a crash
 * releases it with the connection; the work itself uses the normal pool.
 */
export async function withLinkLock<T>(pool: pg.Pool, linkId: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LINK_LOCK_NAMESPACE, linkId]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LINK_LOCK_NAMESPACE, linkId]).catch(onError);
    }
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
