import type pg from "pg";

/**
 * Runs `work` while holding a session advisory lock `(namespace, hashtext(key))` on a dedicated
 * connection: one holder at a time across every process, and a crash releases the lock with
 * the connection. The work itself uses whatever connections it likes.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, namespace: number, key: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on("error", onError);
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [namespace, key]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [namespace, key]).catch(onError);
    }
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
