import { sql } from "kysely";
import type { Db } from "../../db/pool.ts";

// First key of the two-key advisory lock: planning card writes (one writer per Jira issue).
const CARD_LOCK_NAMESPACE = 74_216;

/**
 * One planning write per Jira issue at a time across every process, as the sync engine's link
 * lock does (docs/SYNC.md): two planners moving the same card run one after the other, so the
 * last move wins on both sides.
 */
export async function withCardLock<T>(db: Db, issueId: string, work: (connection: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${CARD_LOCK_NAMESPACE}, hashtext(${issueId}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`SELECT pg_advisory_unlock(${CARD_LOCK_NAMESPACE}, hashtext(${issueId}))`.execute(connection);
    }
  });
}
