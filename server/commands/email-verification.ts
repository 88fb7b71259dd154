import { sql } from "kysely";
import { digest } from "../auth/secrets.ts";
import type { Db } from "../db/pool.ts";
import type { Env } from "../env.ts";
import { AppError } from "../errors.ts";
import { LOGIN_WINDOW_MINUTES, recordAttempt } from "../models/login-attempts.ts";
import { enqueue } from "../queue/enqueue.ts";

export const VERIFICATION_LINK_HOURS = 48;
/** Verification mails an account may ask for in LOGIN_WINDOW_MINUTES (the one sent at sign-up counts). */
export const VERIFICATION_MAILS_PER_WINDOW = 3;

export type EmailVerificationState = "verified" | "unverified" | "off";

/**
 * Verification is optional and follows the mail transport: with `smtp` a mail can arrive, so new
 * accounts get a link and see a notice until they use it; with `log` nothing is asked of anyone.
 */
export const verificationActive = (env: Pick<Env, "MAIL_TRANSPORT">) => env.MAIL_TRANSPORT === "smtp";

export async function emailVerificationState(db: Db, env: Pick<Env, "MAIL_TRANSPORT">, userId: string): Promise<EmailVerificationState> {
  if (!verificationActive(env)) return "off";
  const user = await db.selectFrom("users").select("email_verified_at").where("id", "=", userId).executeTakeFirst();
  return user?.email_verified_at ? "verified" : "unverified";
}

/**
 * Queues a verification mail for an unverified account: a row and its mail job in one
 * transaction; the worker makes the link (its secret exists only in the mail). Limited per account.
 */
export async function requestEmailVerification(db: Db, env: Pick<Env, "MAIL_TRANSPORT">, userId: string): Promise<EmailVerificationState> {
  const state = await emailVerificationState(db, env, userId);
  if (state !== "unverified") return state;
  const key = `verify:${userId}`;
  await recordAttempt(db, [key], (counts) => {
    if ((counts.get(key) ?? 0) >= VERIFICATION_MAILS_PER_WINDOW) {
      throw new AppError("rate_limited", `Too many verification mails. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again.`, { retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60 });
    }
  });
  await db.transaction().execute(async (trx) => {
    const verification = await trx
      .insertInto("email_verifications")
      .values({ user_id: userId, expires_at: new Date(Date.now() + VERIFICATION_LINK_HOURS * 3_600_000) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueue(trx, "send_verification_email", { verificationId: verification.id }, { jobKey: `email-verification:${verification.id}` });
  });
  return state;
}

/** Uses a verification link: once, before it expires; every other link of the account is used up with it. */
export async function completeEmailVerification(db: Db, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("email_verifications")
      .set({ used_at: sql`now()` })
      .where("token_hash", "=", digest(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning("user_id")
      .executeTakeFirst();
    if (!used) throw new AppError("verification_link_invalid", "This verification link was already used or has expired. Sign in and ask for a new one.");
    await trx.updateTable("email_verifications").set({ used_at: sql`now()` }).where("user_id", "=", used.user_id).where("used_at", "is", null).execute();
    await trx.updateTable("users").set({ email_verified_at: sql`coalesce(email_verified_at, now())` }).where("id", "=", used.user_id).execute();
  });
}
