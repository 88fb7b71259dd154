import { z } from "zod";
import { safeText } from "./safe-text.ts";
import { WorkspaceSummary } from "./workspaces.ts";

export const Email = z.email({ error: "must be an email address" }).max(254).transform((e) => e.toLowerCase());
export const Password = safeText().min(10, { error: "must be at least 10 characters" }).max(200);

export const SignupBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: safeText().trim().min(1).max(100),
  /** The secret of an open invitation link: on an invitation-only server it is what allows signing up. */
  invitationToken: safeText().min(20).max(100).optional(),
});
export type SignupBody = z.input<typeof SignupBody>;

export const LoginBody = z.strictObject({
  email: Email,
  password: safeText().min(1).max(200),
});
export type LoginBody = z.input<typeof LoginBody>;

export const UserSummary = z.object({ id: z.uuid(), email: z.string(), displayName: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;

/**
 * The signed-in user and the CSRF token the browser must echo on writes; after a sign-up with an
 * invitation, the workspace it joined.
 */
/** `off`: this server does not verify addresses (mail is only logged); `unverified`: a link was mailed and not used yet. */
export const EmailVerificationState = z.enum(["verified", "unverified", "off"]);
export type EmailVerificationState = z.infer<typeof EmailVerificationState>;

export const SessionResponse = z.object({
  user: UserSummary,
  csrfToken: z.string(),
  workspace: WorkspaceSummary.optional(),
  emailVerification: EmailVerificationState.optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  lastFour: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.strictObject({ name: safeText().trim().min(1).max(100) });
export const CreateApiTokenResponse = z.object({ token: ApiToken, secret: z.string() });
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });

/**
 * API tokens are separate credentials that integrations depend on, so a password change keeps them
 * unless `revokeApiTokens` is true (a password reset always revokes them).
 */
export const ChangePasswordBody = z.strictObject({
  currentPassword: safeText().min(1).max(200),
  newPassword: Password,
  revokeApiTokens: z.boolean().optional(),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** Asks for a password-reset link by email; the answer is the same whether or not the account exists. */
export const PasswordResetRequestBody = z.strictObject({ email: Email });
export type PasswordResetRequestBody = z.input<typeof PasswordResetRequestBody>;

/** Confirms an email address with the secret from a verification link (single use). */
export const VerifyEmailBody = z.strictObject({ token: safeText().min(20).max(100) });
export type VerifyEmailBody = z.input<typeof VerifyEmailBody>;

export const EmailVerificationResponse = z.object({ emailVerification: EmailVerificationState, message: z.string() });
export type EmailVerificationResponse = z.infer<typeof EmailVerificationResponse>;

/** Sets a new password with the secret from a reset link (single use). */
export const PasswordResetBody = z.strictObject({ token: safeText().min(20).max(100), newPassword: Password });
export type PasswordResetBody = z.input<typeof PasswordResetBody>;
