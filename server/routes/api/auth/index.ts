import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import { SESSION_COOKIE } from "../../../auth/authenticate.ts";
import { changePassword, logIn, signUp } from "../../../commands/accounts.ts";
import { completeEmailVerification, emailVerificationState, requestEmailVerification } from "../../../commands/email-verification.ts";
import { completePasswordReset, requestPasswordReset } from "../../../commands/password-reset.ts";
import { AppError } from "../../../errors.ts";
import { clientAddress } from "../../../http/client-address.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { createSession, deleteSession } from "../../../models/sessions.ts";
import {
  changePasswordRoute,
  completePasswordResetRoute,
  loginRoute,
  logoutRoute,
  requestPasswordResetRoute,
  resendVerificationRoute,
  sessionRoute,
  signupRoute,
  verifyEmailRoute,
} from "./schema.ts";

type SessionUser = { id: string; email: string; displayName: string };

async function startSession(c: Context<AppEnv>, deps: AppDeps, user: SessionUser) {
  const session = await createSession(deps.db, user.id, deps.env.SESSION_TTL_HOURS);
  setCookie(c, SESSION_COOKIE, session.sessionSecret, {
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.env.PUBLIC_URL?.startsWith("https://") ?? false,
    path: "/",
    expires: session.expiresAt,
  });
  return { user, csrfToken: session.csrfToken, emailVerification: await emailVerificationState(deps.db, deps.env, user.id) };
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // In-process requests (tests) have no socket.
    return undefined;
  }
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, signupRoute, async (c) => {
    const { workspace, ...user } = await signUp(deps.db, c.req.valid("json"), deps.env.SIGNUP_MODE);
    await requestEmailVerification(deps.db, deps.env, user.id);
    return c.json({ ...(await startSession(c, deps, user)), ...(workspace ? { workspace } : {}) }, 201);
  });

  const client = (c: Context<AppEnv>) =>
    clientAddress({ trustProxy: deps.env.TRUST_PROXY, forwardedFor: c.req.header("x-forwarded-for"), socketAddress: socketAddress(c) });

  mount(app, deps, loginRoute, async (c) => {
    const user = await logIn(deps.db, c.req.valid("json"), client(c));
    return c.json(await startSession(c, deps, user), 200);
  });

  mount(app, deps, logoutRoute, async (c) => {
    const actor = c.get("actor");
    if (actor?.sessionIdHash) await deleteSession(deps.db, actor.sessionIdHash);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });

  mount(app, deps, sessionRoute, async (c) => {
    const actor = c.get("actor");
    if (!actor) throw new AppError("authentication_required", "Log in first.");
    return c.json(
      {
        user: { id: actor.userId, email: actor.email, displayName: actor.displayName },
        csrfToken: actor.csrfToken ?? "",
        emailVerification: await emailVerificationState(deps.db, deps.env, actor.userId),
      },
      200,
    );
  });

  mount(app, deps, requestPasswordResetRoute, async (c) => {
    await requestPasswordReset(deps.db, c.req.valid("json").email, client(c));
    return c.json({ message: "If an account has this email, a link to choose a new password is on its way. It works once, for an hour." }, 202);
  });

  mount(app, deps, completePasswordResetRoute, async (c) => {
    await completePasswordReset(deps.db, c.req.valid("json"));
    return c.body(null, 204);
  });

  mount(app, deps, verifyEmailRoute, async (c) => {
    await completeEmailVerification(deps.db, c.req.valid("json").token);
    return c.body(null, 204);
  });

  mount(app, deps, resendVerificationRoute, async (c) => {
    const actor = c.get("actor");
    if (!actor) throw new AppError("authentication_required", "Log in first.");
    const state = await requestEmailVerification(deps.db, deps.env, actor.userId);
    const message =
      state === "unverified"
        ? "A new verification link is on its way. It works once, for 48 hours."
        : state === "verified"
          ? "This email address is already verified."
          : "This server does not verify email addresses.";
    return c.json({ emailVerification: state, message }, 202);
  });

  mount(app, deps, changePasswordRoute, async (c) => {
    const actor = c.get("actor");
    if (!actor) throw new AppError("authentication_required", "Log in first.");
    await changePassword(deps.db, actor.userId, actor.sessionIdHash, c.req.valid("json"));
    return c.body(null, 204);
  });
}
