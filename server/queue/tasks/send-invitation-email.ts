import { z } from "zod";
import type { TaskDeps } from "../task-deps.ts";

const Payload = z.object({ invitationId: z.uuid(), inviteUrl: z.url() });

/**
 * Mails an invitation link. At-least-once: the delivery row's unique dedupe key makes a retry
 * after a crash a no-op. The "log" transport records the mail in `mail_deliveries` and logs
 * recipient and subject only (the body holds the one-time link).
 */
export async function sendInvitationEmail(payload: unknown, deps: TaskDeps): Promise<void> {
  const { invitationId, inviteUrl } = Payload.parse(payload);
  const invitation = await deps.db
    .selectFrom("invitations")
    .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
    .innerJoin("users", "users.id", "invitations.created_by")
    .select(["invitations.email", "invitations.role", "invitations.revoked_at", "workspaces.name", "users.display_name"])
    .where("invitations.id", "=", invitationId)
    .executeTakeFirst();
  // Revoked or deleted since the job was queued: nothing to send.
  if (!invitation?.email || invitation.revoked_at) return;
  const subject = `${invitation.display_name} invited you to ${invitation.name} on Tether`;
  const body = [
    `${invitation.display_name} invited you to join the workspace "${invitation.name}" as ${invitation.role}.`,
    "",
    `Accept the invitation: ${inviteUrl}`,
  ].join("\n");
  const inserted = await deps.db
    .insertInto("mail_deliveries")
    .values({ dedupe_key: `invitation:${invitationId}`, recipient: invitation.email, subject, body, transport: deps.env.MAIL_TRANSPORT })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) deps.logger.info({ to: invitation.email, subject, transport: deps.env.MAIL_TRANSPORT }, "mail sent");
}
