import { sql } from "kysely";
import type { Db } from "../../db/pool.ts";

// First key of the two-key advisory lock: the namespace of Jira link locks.
const LINK_LOCK_NAMESPACE = 74_201;

/**
 * Runs `work` while holding the link's advisory lock: one writer per Jira issue at a time, across
 * every worker and web process. The lock and all of the work's queries share one connection (a
 * sync run never needs two, so many concurrent runs cannot starve the pool), and a crash releases
 * the lock with that connection.
 */
export async function withLinkLock<T>(db: Db, linkId: string, work: (connection: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${LINK_LOCK_NAMESPACE}, hashtext(${linkId}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(${LINK_LOCK_NAMESPACE}, hashtext(${linkId}))`.execute(connection);
    }
  });
}
