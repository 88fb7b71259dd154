import { ChangePasswordBody, EmailVerificationResponse, LoginBody, PasswordResetBody, PasswordResetRequestBody, SessionResponse, SignupBody, VerifyEmailBody } from "../../../../common/contracts/auth.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { z } from "zod";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";

export const signupRoute = defineRoute({
  operationId: "signUp",
  description:
    "Creates an account and starts a browser session (cookie). Anyone may call it: on an invitation-only server (the default), " +
    "the first account creates the first workspace and is its Admin, and later accounts need an open invitation's `invitationToken`.",
  method: "post",
  path: "/auth/signup",
  tags: ["auth"],
  summary: "Create an account and log in",
  access: { kind: "public" },
  request: { body: jsonBody(SignupBody, { email: "ada@example.com", password: "correct horse battery", displayName: "Ada Lovelace" }) },
  responses: {
    201: json(SessionResponse, "Account created; session cookie set"),
    400: errorResponses[400],
    403: json(ErrorResponse, "Invitation-only server and no open invitation given (code: signup_closed)"),
    409: json(ErrorResponse, "Email already registered (code: email_taken)"),
  },
});

export const loginRoute = defineRoute({
  operationId: "logIn",
  description:
    "Checks email and password and starts a browser session (cookie + `csrfToken`). Anyone may call it; failed attempts are rate-limited " +
    "per email and per client. Integrators use an API token instead of a session.",
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Log in with email and password",
  access: { kind: "public" },
  request: { body: jsonBody(LoginBody, { email: "ada@example.com", password: "correct horse battery" }) },
  responses: {
    200: json(SessionResponse, "Logged in; session cookie set"),
    400: errorResponses[400],
    401: json(ErrorResponse, "Wrong email or password (code: invalid_credentials)"),
    429: json(ErrorResponse, "Too many failed attempts (code: rate_limited)"),
  },
});

export const logoutRoute = defineRoute({
  operationId: "logOut",
  description:
    "Ends the session the request came with. Any signed-in caller.",
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "End the current session",
  access: { kind: "user" },
  responses: { ...noContent, 401: errorResponses[401] },
});

export const sessionRoute = defineRoute({
  operationId: "getSession",
  description:
    "Returns the signed-in user and, for a browser session, the CSRF token to echo on writes. Any signed-in caller (session or API token).",
  method: "get",
  path: "/auth/session",
  tags: ["auth"],
  summary: "The signed-in user",
  access: { kind: "user" },
  responses: { 200: json(SessionResponse, "The current session"), 401: errorResponses[401] },
});

export const changePasswordRoute = defineRoute({
  operationId: "changePassword",
  description:
    "Changes your own password after checking the current one; every other session of the account ends, and API tokens too when " +
    "`revokeApiTokens` is true. Any signed-in caller, for their own account.",
  method: "post",
  path: "/me/password",
  tags: ["auth"],
  summary: "Change your password; every other session of the account ends",
  access: { kind: "user" },
  request: { body: jsonBody(ChangePasswordBody, { currentPassword: "correct horse battery", newPassword: "a new long passphrase" }) },
  responses: {
    ...noContent,
    400: json(ErrorResponse, "Current password wrong or new one too short (code: validation_failed)"),
    401: errorResponses[401],
    429: json(ErrorResponse, "Too many wrong passwords (code: rate_limited)"),
  },
});

export const requestPasswordResetRoute = defineRoute({
  operationId: "requestPasswordReset",
  description:
    "Mails a single-use link to reset the password of the account with this email. Anyone may call it; the answer is the same " +
    "whether or not the account exists, and requests are rate-limited.",
  method: "post",
  path: "/auth/password-reset",
  tags: ["auth"],
  summary: "Mail a single-use password-reset link (same answer whether or not the account exists)",
  access: { kind: "public" },
  request: { body: jsonBody(PasswordResetRequestBody, { email: "ada@example.com" }) },
  responses: {
    202: json(z.object({ message: z.string() }), "Accepted: if an account has this email, a link is on its way"),
    400: errorResponses[400],
    429: json(ErrorResponse, "Too many reset requests for this email or from this client (code: rate_limited)"),
  },
});

export const completePasswordResetRoute = defineRoute({
  operationId: "completePasswordReset",
  description:
    "Sets a new password with the secret from a reset link, ends every session and revokes every API token of the account. " +
    "Anyone holding the link may call it, once.",
  method: "post",
  path: "/auth/password-reset/complete",
  tags: ["auth"],
  summary: "Set a new password with a reset link's secret; every session ends and every API token is revoked",
  access: { kind: "public" },
  request: { body: jsonBody(PasswordResetBody, { token: "the-secret-from-the-mailed-link-0123", newPassword: "a new long passphrase" }) },
  responses: {
    ...noContent,
    400: errorResponses[400],
    410: json(ErrorResponse, "Link already used, expired or unknown (code: reset_link_invalid)"),
  },
});

export const verifyEmailRoute = defineRoute({
  method: "post",
  path: "/auth/verify-email",
  operationId: "verifyEmail",
  tags: ["auth"],
  summary: "Confirm an email address with a verification link's secret",
  description:
    "Marks the account whose verification link this is as verified; the link works once and expires after 48 hours. Public: the link may be opened in a browser without a session.",
  access: { kind: "public" },
  request: { body: jsonBody(VerifyEmailBody, { token: "the-token-from-the-mailed-link-0123456789" }) },
  responses: {
    ...noContent,
    400: errorResponses[400],
    410: json(ErrorResponse, "Link already used, expired or unknown (code: verification_link_invalid)"),
  },
});

export const resendVerificationRoute = defineRoute({
  method: "post",
  path: "/me/email-verification",
  operationId: "resendEmailVerification",
  tags: ["auth"],
  summary: "Mail a new verification link to the signed-in account",
  description:
    "Any signed-in account. Queues a new verification mail when the account is unverified and this server verifies addresses (MAIL_TRANSPORT=smtp); otherwise changes nothing and says why. At most 3 mails per 15 minutes.",
  access: { kind: "user" },
  responses: {
    202: json(EmailVerificationResponse, "What happened: a link is on its way, or nothing was needed"),
    401: errorResponses[401],
    429: json(ErrorResponse, "Too many verification mails (code: rate_limited)"),
  },
});
