import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.ts";
import type { Db } from "../db/pool.ts";
import { findUserByApiToken } from "../models/api-tokens.ts";
import { findSession } from "../models/sessions.ts";
import type { AppEnv } from "../http/types.ts";

export const SESSION_COOKIE = "tether_session";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);
/** Logging in or signing up replaces whatever session the browser holds, so they need no proof of it. */
const startsSession = (path: string) => /\/auth\/(login|signup)$/.test(path);

/**
 * Identifies the caller (API token or session cookie) and sets `actor`; it never rejects an
 * anonymous request — routes decide that. Cookie-authenticated writes must carry the session's
 * CSRF token in `X-CSRF-Token`; token-authenticated calls are not exposed to CSRF. Login and
 * sign-up ignore the cookie (they set a new one), so holding one never blocks them.
 */
export function authenticate(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("actor", null);
    c.set("membership", null);
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const user = match?.[1] ? await findUserByApiToken(db, match[1]) : undefined;
      if (!user) throw new AppError("authentication_required", "The API token is invalid or revoked. Create a new one under your account's tokens.");
      c.set("actor", { ...user, via: "token", csrfToken: null, sessionIdHash: null });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = cookie && !startsSession(c.req.path) ? await findSession(db, cookie) : undefined;
    if (session) {
      if (!safeMethods.has(c.req.method) && !sameSecret(c.req.header("x-csrf-token"), session.csrfToken)) {
        throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header. Reload the page and try again.");
      }
      c.set("actor", {
        userId: session.userId,
        email: session.email,
        displayName: session.displayName,
        via: "session",
        csrfToken: session.csrfToken,
        sessionIdHash: session.idHash,
      });
    }
    return next();
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
