import type { SecretBox } from "../security/secret-box.ts";

// Bound to the invitation's id: a sealed link copied onto another invitation does not open.
const context = (invitationId: string) => `invitation-link:${invitationId}`;

/** The invitation link (it holds the one-time secret) sealed for the mail job; never in a job payload. */
export const sealInvitationLink = (box: SecretBox, invitationId: string, link: string) => box.seal(link, context(invitationId));

export const openInvitationLink = (box: SecretBox, invitationId: string, sealed: string) => box.open(sealed, context(invitationId));
