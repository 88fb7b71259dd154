import type { Db } from "../db/pool.ts";

export const LOGIN_WINDOW_MINUTES = 15;

export async function countRecentFailures(db: Db, key: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("attempt_key", "=", key)
    .where("attempted_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  await db.insertInto("login_attempts").values(keys.map((attempt_key) => ({ attempt_key }))).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("attempt_key", "=", key).execute();
}
