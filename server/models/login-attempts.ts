import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

export const LOGIN_WINDOW_MINUTES = 15;

/**
 * Counts the recent attempts under each key and, if `admit` accepts the counts, records one more
 * attempt under every key — atomically: the keys are locked (advisory, in a fixed order) for the
 * transaction, so parallel attempts are counted one after another and cannot all slip under a
 * limit. `admit` throws to refuse. Returns the recorded rows, to release if the attempt succeeds.
 */
export async function recordAttempt(db: Db, keys: string[], admit: (counts: Map<string, number>) => void): Promise<string[]> {
  const ordered = [...new Set(keys)].sort();
  return db.transaction().execute(async (trx) => {
    for (const key of ordered) await sql`SELECT pg_advisory_xact_lock(hashtext(${`tether.attempts:${key}`}))`.execute(trx);
    const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
    const rows = await trx
      .selectFrom("login_attempts")
      .select(["attempt_key", (eb) => eb.fn.countAll<string>().as("n")])
      .where("attempt_key", "in", ordered)
      .where("attempted_at", ">", since)
      .groupBy("attempt_key")
      .execute();
    const counts = new Map(ordered.map((key) => [key, Number(rows.find((row) => row.attempt_key === key)?.n ?? 0)]));
    admit(counts);
    const inserted = await trx
      .insertInto("login_attempts")
      .values(ordered.map((attempt_key) => ({ attempt_key })))
      .returning("id")
      .execute();
    return inserted.map((row) => String(row.id));
  });
}

/** A successful attempt is no failure: its rows go. */
export async function releaseAttempt(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom("login_attempts").where("id", "in", ids).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempt_key", "=", key).execute();
}
