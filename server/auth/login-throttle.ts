import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { clearFailures, LOGIN_WINDOW_MINUTES, recordAttempt, releaseAttempt } from "../models/login-attempts.ts";

/**
 * Login rate limits, counted before the slow password hash (see `recordAttempt`). They keep
 * brute force out without handing strangers a lockout button:
 * - one client address may fail 10 times for one account, and 50 times in all;
 * - an account that failed 100 times (from anywhere) refuses every client that already failed on
 *   it — a client that has not been failing, like the account's owner, still gets in.
 * Windows are 15 minutes; a successful login clears that client's failures for the account.
 */
export const LOGIN_LIMITS = { perAccountAndClient: 10, perClient: 50, perAccountUnderAttack: 100 } as const;
/** Wrong current passwords on the change-password form, per account (the caller holds a session). */
export const PASSWORD_CHECK_LIMIT = 10;

const rateLimited = (message: string) =>
  new AppError("rate_limited", message, { retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60 });

export type Attempt = { succeeded(): Promise<void> };

export async function admitLogin(db: Db, email: string, client: string): Promise<Attempt> {
  const keys = { pair: `login:${email.toLowerCase()}|${client}`, client: `client:${client}`, account: `email:${email.toLowerCase()}` };
  const ids = await recordAttempt(db, Object.values(keys), (counts) => {
    const pair = counts.get(keys.pair) ?? 0;
    const underAttack = (counts.get(keys.account) ?? 0) >= LOGIN_LIMITS.perAccountUnderAttack && pair > 0;
    if (pair >= LOGIN_LIMITS.perAccountAndClient || (counts.get(keys.client) ?? 0) >= LOGIN_LIMITS.perClient || underAttack) {
      throw rateLimited(`Too many failed logins. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or ask an administrator to reset your password.`);
    }
  });
  return {
    succeeded: async () => {
      await releaseAttempt(db, ids);
      await clearFailures(db, keys.pair);
    },
  };
}

export async function admitPasswordCheck(db: Db, userId: string): Promise<Attempt> {
  const key = `password:${userId}`;
  const ids = await recordAttempt(db, [key], (counts) => {
    if ((counts.get(key) ?? 0) >= PASSWORD_CHECK_LIMIT) {
      throw rateLimited(`Too many wrong passwords. Wait ${LOGIN_WINDOW_MINUTES} minutes and try again.`);
    }
  });
  return { succeeded: () => releaseAttempt(db, ids) };
}
