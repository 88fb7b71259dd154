import { digest, newSecret } from "../auth/secrets.ts";
import type { Db } from "../db/pool.ts";

export type SessionWithUser = {
  idHash: string;
  csrfToken: string;
  userId: string;
  email: string;
  displayName: string;
};

/** Creates a server-side session; only the digest of the cookie value is stored. */
export async function createSession(db: Db, userId: string, ttlHours: number) {
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db
    .insertInto("sessions")
    .values({ id_hash: digest(sessionSecret), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { sessionSecret, csrfToken, expiresAt };
}

export async function findSession(db: Db, sessionSecret: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.id_hash", "sessions.csrf_token", "users.id", "users.email", "users.display_name"])
    .where("sessions.id_hash", "=", digest(sessionSecret))
    .where("sessions.expires_at", ">", new Date())
    .executeTakeFirst();
  return row
    ? { idHash: row.id_hash, csrfToken: row.csrf_token, userId: row.id, email: row.email, displayName: row.display_name }
    : undefined;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}
