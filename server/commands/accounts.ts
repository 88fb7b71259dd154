import type { LoginBody, SignupBody } from "../../common/contracts/auth.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { clearFailures, countRecentFailures, LOGIN_WINDOW_MINUTES, recordFailure } from "../models/login-attempts.ts";
import { findUserByEmail, insertUser } from "../models/users.ts";

export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_CLIENT = 50;

// Verifying against a real hash when the email is unknown keeps response times equal,
// so login timing does not reveal which emails have accounts.
const dummyHash = hashPassword("tether-timing-equaliser");

export async function signUp(db: Db, input: Required<SignupBody>) {
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(db, { email: input.email, displayName: input.displayName, passwordHash });
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
