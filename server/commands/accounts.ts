import type { LoginBody, SignupBody } from "../../common/contracts/auth.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { clearFailures, countRecentFailures, LOGIN_WINDOW_MINUTES, recordFailure } from "../models/login-attempts.ts";
import { findUserByEmail, insertUser } from "../models/users.ts";
import { isOpenInvitation } from "./invitations.ts";
import { sql } from "kysely";

export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_CLIENT = 50;

// Verifying against a real hash when the email is unknown keeps response times equal,
// so login timing does not reveal which emails have accounts.
const dummyHash = hashPassword("tether-timing-equaliser");

export type SignupMode = "invite" | "open";

/**
 * Creates an account. On an invitation-only server (the default) the first account is always
 * allowed — it sets the server up — and later ones need an open invitation's secret. The check and
 * the insert share a transaction under an advisory lock, so two "first" sign-ups cannot both pass.
 */
export async function signUp(db: Db, input: SignupBody & { displayName: string }, mode: SignupMode = "open") {
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction().execute(async (trx) => {
    if (mode === "invite") {
      await sql`SELECT pg_advisory_xact_lock(hashtext('tether.signup'))`.execute(trx);
      const anyUser = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
      const invited = input.invitationToken !== undefined && (await isOpenInvitation(trx, input.invitationToken));
      if (anyUser && !invited) {
        throw new AppError("signup_closed", "Sign-up on this server is by invitation. Ask a workspace Admin for an invitation link and open it.");
      }
    }
    return insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash });
  });
  if (!user) throw new AppError("email_taken", "An account with this email already exists. Log in instead.");
  return { id: user.id, email: user.email, displayName: user.display_name };
}

export async function logIn(db: Db, input: Required<LoginBody>, clientKey: string) {
  const emailKey = `email:${input.email.toLowerCase()}`;
  const ipKey = `client:${clientKey}`;
  const [byEmail, byClient] = await Promise.all([countRecentFailures(db, emailKey), countRecentFailures(db, ipKey)]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL || byClient >= MAX_FAILURES_PER_CLIENT) {
    throw new AppError(
      "rate_limited",
      `Too many failed logins. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or reset your password.`,
      { retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60 },
    );
  }
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok) {
    await recordFailure(db, [emailKey, ipKey]);
    throw new AppError("invalid_credentials", "Email or password is wrong.");
  }
  await clearFailures(db, emailKey);
  return { id: user.id, email: user.email, displayName: user.display_name };
}

/**
 * Changes the caller's password after checking the current one (failures count towards the
 * login rate limit), and ends every other session of the account: whoever knew the old password
 * is logged out everywhere else.
 */
export async function changePassword(db: Db, userId: string, keepSessionIdHash: string | null, input: { currentPassword: string; newPassword: string }) {
  const user = await db.selectFrom("users").select(["email", "password_hash"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const emailKey = `email:${user.email.toLowerCase()}`;
  if ((await countRecentFailures(db, emailKey)) >= MAX_FAILURES_PER_EMAIL) {
    throw new AppError("rate_limited", `Too many wrong passwords. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again.`, {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordFailure(db, [emailKey]);
    throw new AppError("validation_failed", "The current password is wrong.", [{ path: "currentPassword", message: "is wrong" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    let others = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (keepSessionIdHash) others = others.where("id_hash", "!=", keepSessionIdHash);
    await others.execute();
  });
}
