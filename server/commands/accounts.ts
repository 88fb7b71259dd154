import type { ChangePasswordBody, LoginBody, SignupBody } from "../../common/contracts/auth.ts";
import { admitLogin, admitPasswordCheck } from "../auth/login-throttle.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/pool.ts";
import { AppError, notFound } from "../errors.ts";
import { revokeAllApiTokens } from "../models/api-tokens.ts";
import { findUserByEmail, insertUser } from "../models/users.ts";
import { claimInvitation, isOpenInvitation } from "./invitations.ts";
import { sql } from "kysely";

// Verifying against a real hash when the email is unknown keeps response times equal,
// so login timing does not reveal which emails have accounts.
const dummyHash = hashPassword("tether-timing-equaliser");

const emailTaken = () => new AppError("email_taken", "An account with this email already exists. Log in instead.");

export type SignupMode = "invite" | "open";

/**
 * Creates an account. On an invitation-only server (the default) the first account is always
 * allowed — it sets the server up — and later ones need an open invitation's secret. The check and
 * the insert share a transaction under an advisory lock, so two "first" sign-ups cannot both pass.
 * An invitation given with the sign-up is used up by it: the new account joins its workspace.
 */
export async function signUp(db: Db, input: SignupBody & { displayName: string }, mode: SignupMode = "open") {
  // Before the slow hash: a taken email costs no CPU (the insert below still settles races).
  if (await findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (mode === "invite") {
      await sql`SELECT pg_advisory_xact_lock(hashtext('tether.signup'))`.execute(trx);
      const anyUser = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
      const invited = input.invitationToken !== undefined && (await isOpenInvitation(trx, input.invitationToken));
      if (anyUser && !invited) {
        throw new AppError("signup_closed", "Sign-up on this server is by invitation. Ask a workspace Admin for an invitation link and open it.");
      }
    }
    const user = await insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash });
    if (!user) throw emailTaken();
    const workspace = input.invitationToken === undefined ? undefined : await claimInvitation(trx, input.invitationToken, user);
    return { id: user.id, email: user.email, displayName: user.display_name, ...(workspace ? { workspace } : {}) };
  });
}

export async function logIn(db: Db, input: Required<LoginBody>, clientKey: string) {
  // Counted before the hash, so parallel guesses cannot all be checked before the limit sees them.
  const attempt = await admitLogin(db, input.email, clientKey);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok) throw new AppError("invalid_credentials", "Email or password is wrong.");
  await attempt.succeeded();
  return { id: user.id, email: user.email, displayName: user.display_name };
}

/**
 * Changes the caller's password after checking the current one (rate limited per account), and
 * ends every other session of the account: whoever knew the old password is logged out everywhere
 * else. API tokens keep working unless the caller asks to revoke them too.
 */
export async function changePassword(db: Db, userId: string, keepSessionIdHash: string | null, input: ChangePasswordBody) {
  const attempt = await admitPasswordCheck(db, userId);
  const user = await db.selectFrom("users").select(["password_hash"]).where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError("validation_failed", "The current password is wrong.", [{ path: "currentPassword", message: "is wrong" }]);
  }
  await attempt.succeeded();
  await setPassword(db, userId, await hashPassword(input.newPassword), { keepSessionIdHash, revokeApiTokens: input.revokeApiTokens ?? false });
}

/** An administrator's reset (CLI): a new password, every session ended, every API token revoked. */
export async function resetPassword(db: Db, email: string, newPassword: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw notFound(`An account with email ${email}`);
  await setPassword(db, user.id, await hashPassword(newPassword), { keepSessionIdHash: null, revokeApiTokens: true });
  return { id: user.id, email: user.email };
}

/** Sets a new password in one transaction, ending the account's sessions (all, or all but one). */
export async function setPassword(db: Db, userId: string, passwordHash: string, options: { keepSessionIdHash: string | null; revokeApiTokens: boolean }) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    let sessions = trx.deleteFrom("sessions").where("user_id", "=", userId);
    if (options.keepSessionIdHash) sessions = sessions.where("id_hash", "!=", options.keepSessionIdHash);
    await sessions.execute();
    if (options.revokeApiTokens) await revokeAllApiTokens(trx, userId);
  });
}
