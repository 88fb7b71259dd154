import { openInvitationLink } from "../../commands/invitation-link.ts";
import { sendMail } from "../../mail/mailer.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/**
 * Mails an invitation link. The payload holds the invitation id only; the link (a one-time
 * secret) is kept sealed with the secret box on the invitation until it is mailed, and is then
 * forgotten. At-least-once: the delivery row's unique dedupe key makes a retry after a crash a
 * no-op. Every transport records the mail in `mail_deliveries` and logs recipient and subject only
 * (the body holds the link); `smtp` also sends it before the transaction commits, so a refused
 * mail rolls back and is retried.
 */
export const sendInvitationEmail = defineTask({
  name: "send_invitation_email",
  payload: taskPayloads.send_invitation_email,
  async handler({ invitationId }, deps) {
    await deps.db.transaction().execute(async (trx) => {
      const invitation = await trx
        .selectFrom("invitations")
        .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
        .innerJoin("users", "users.id", "invitations.created_by")
        .select(["invitations.email", "invitations.role", "invitations.revoked_at", "invitations.link_ciphertext", "workspaces.name", "users.display_name"])
        .where("invitations.id", "=", invitationId)
        .forUpdate("invitations")
        .executeTakeFirst();
      // Revoked, accepted, deleted or already mailed since the job was queued: nothing to send.
      if (!invitation?.email || invitation.revoked_at || !invitation.link_ciphertext) return;
      const link = openInvitationLink(deps.secretBox, invitationId, invitation.link_ciphertext);
      const subject = `${invitation.display_name} invited you to ${invitation.name} on Tether`;
      const body = [`${invitation.display_name} invited you to join the workspace "${invitation.name}" as ${invitation.role}.`, "", `Accept the invitation: ${link}`].join(
        "\n",
      );
      const inserted = await trx
        .insertInto("mail_deliveries")
        .values({ dedupe_key: `invitation:${invitationId}`, recipient: invitation.email, subject, body, transport: deps.env.MAIL_TRANSPORT })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (inserted) await sendMail(deps.env, { to: invitation.email, subject, text: body });
      await trx.updateTable("invitations").set({ link_ciphertext: null }).where("id", "=", invitationId).execute();
      if (inserted) deps.logger.info({ to: invitation.email, subject, transport: deps.env.MAIL_TRANSPORT }, "mail sent");
    });
  },
});
