import { sql } from "kysely";
import type { PasswordResetBody } from "../../common/contracts/auth.ts";
import { hashPassword } from "../auth/passwords.ts";
import { digest } from "../auth/secrets.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { LOGIN_WINDOW_MINUTES, recordAttempt } from "../models/login-attempts.ts";
import { findUserByEmail } from "../models/users.ts";
import { enqueue } from "../queue/enqueue.ts";
import { setPassword } from "./accounts.ts";

export const RESET_LINK_MINUTES = 60;
/** Reset requests per email and per client address in LOGIN_WINDOW_MINUTES: counted whether or not the account exists. */
export const RESET_LIMITS = { perEmail: 3, perClient: 20 } as const;

/**
 * Asks for a reset link. Limited per email and per client before anything else, so the answer —
 * accepted, or rate limited — never depends on whether the account exists. For an account, a
 * reset row and its mail job are stored together; the worker makes the link and mails it.
 */
export async function requestPasswordReset(db: Db, email: string, client: string): Promise<void> {
  const keys = { email: `reset:${email.toLowerCase()}`, client: `reset-client:${client}` };
  await recordAttempt(db, [keys.email, keys.client], (counts) => {
    if ((counts.get(keys.email) ?? 0) >= RESET_LIMITS.perEmail || (counts.get(keys.client) ?? 0) >= RESET_LIMITS.perClient) {
      throw new AppError("rate_limited", `Too many reset requests. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again.`, { retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60 });
    }
  });
  const user = await findUserByEmail(db, email);
  if (!user) return;
  await db.transaction().execute(async (trx) => {
    const reset = await trx
      .insertInto("password_resets")
      .values({ user_id: user.id, expires_at: new Date(Date.now() + RESET_LINK_MINUTES * 60_000) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueue(trx, "send_password_reset_email", { resetId: reset.id }, { jobKey: `password-reset:${reset.id}` });
  });
}

/**
 * Uses a reset link: once, before it expires. Every link of the account is used up with it, and
 * the new password ends every session and revokes every API token (like the CLI's reset-password).
 */
export async function completePasswordReset(db: Db, input: PasswordResetBody): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  const used = await db
    .updateTable("password_resets")
    .set({ used_at: sql`now()` })
    .where("token_hash", "=", digest(input.token))
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("user_id")
    .executeTakeFirst();
  if (!used) throw new AppError("reset_link_invalid", "This reset link was already used or has expired. Ask for a new one.");
  await db.updateTable("password_resets").set({ used_at: sql`now()` }).where("user_id", "=", used.user_id).where("used_at", "is", null).execute();
  await setPassword(db, used.user_id, passwordHash, { keepSessionIdHash: null, revokeApiTokens: true });
}
