import { digest, newSecret } from "../auth/secrets.ts";
import type { Db } from "../db/pool.ts";

export const API_TOKEN_PREFIX = "tth_";

export type ApiTokenSummary = {
  id: string;
  name: string;
  lastFour: string;
  createdAt: string;
  lastUsedAt: string | null;
};

const toSummary = (row: { id: string; name: string; last_four: string; created_at: Date; last_used_at: Date | null }): ApiTokenSummary => ({
  id: row.id,
  name: row.name,
  lastFour: row.last_four,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
});

/** The secret is returned once, here; afterwards only its digest and last four characters exist. */
export async function createApiToken(db: Db, userId: string, name: string) {
  const secret = newSecret(API_TOKEN_PREFIX);
  const row = await db
    .insertInto("api_tokens")
    .values({ user_id: userId, name, token_hash: digest(secret), last_four: secret.slice(-4) })
    .returning(["id", "name", "last_four", "created_at", "last_used_at"])
    .executeTakeFirstOrThrow();
  return { token: toSummary(row), secret };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "last_four", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toSummary);
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date() })
    .where("id", "=", tokenId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every token of the account stops working (password reset, or asked for on a password change). */
export async function revokeAllApiTokens(db: Db, userId: string): Promise<number> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How stale `last_used_at` may get: updating it on every request would serialise a busy token on one row lock. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function findUserByApiToken(db: Db, secret: string) {
  const row = await db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(["api_tokens.id as token_id", "api_tokens.last_used_at", "users.id", "users.email", "users.display_name"])
    .where("api_tokens.token_hash", "=", digest(secret))
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable("api_tokens").set({ last_used_at: new Date(now) }).where("id", "=", row.token_id).execute();
  }
  return { userId: row.id, email: row.email, displayName: row.display_name };
}
