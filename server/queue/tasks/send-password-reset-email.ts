import { sql } from "kysely";
import { digest, newSecret } from "../../auth/secrets.ts";
import { sendMail } from "../../mail/mailer.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/**
 * Mails a password-reset link. The secret is made here and only its digest stored, so it exists
 * only in the mail (never in a job payload or a column; `mail_deliveries` keeps it only for the `log`
 * transport, where that record is the mail). The link points at PUBLIC_URL (else the
 * server's own HOST:PORT), never at a Host header a stranger could have sent. Sent before the
 * transaction commits: a refused mail rolls back and is retried; a reset already mailed, used or
 * expired is not mailed again.
 */
export const sendPasswordResetEmail = defineTask({
  name: "send_password_reset_email",
  payload: taskPayloads.send_password_reset_email,
  async handler({ resetId }, deps) {
    await deps.db.transaction().execute(async (trx) => {
      const reset = await trx
        .selectFrom("password_resets")
        .innerJoin("users", "users.id", "password_resets.user_id")
        .select(["users.email", "password_resets.token_hash", "password_resets.used_at", sql<boolean>`password_resets.expires_at < now()`.as("expired")])
        .where("password_resets.id", "=", resetId)
        .forUpdate("password_resets")
        .executeTakeFirst();
      if (!reset || reset.token_hash || reset.used_at || reset.expired) return;
      const secret = newSecret();
      const base = (deps.env.PUBLIC_URL ?? `http://${deps.env.HOST}:${deps.env.PORT}`).replace(/\/$/, "");
      const link = `${base}/reset-password/${secret}`;
      const subject = "Reset your Tether password";
      const body = [
        "Someone (hopefully you) asked to reset the password of your Tether account.",
        "",
        `Choose a new password: ${link}`,
        "",
        "The link works once, for an hour. Using it logs you out everywhere and revokes your API tokens.",
        "If you did not ask for this, ignore this mail: your password stays as it is.",
      ].join("\n");
      await trx.updateTable("password_resets").set({ token_hash: digest(secret) }).where("id", "=", resetId).execute();
      await trx
        .insertInto("mail_deliveries")
        .values({
          dedupe_key: `password-reset:${resetId}`,
          recipient: reset.email,
          subject,
          body: deps.env.MAIL_TRANSPORT === "log" ? body : body.replace(link, "[link sent by mail, not kept]"),
          transport: deps.env.MAIL_TRANSPORT,
        })
        .execute();
      await sendMail(deps.env, { to: reset.email, subject, text: body });
      deps.logger.info({ to: reset.email, subject, transport: deps.env.MAIL_TRANSPORT }, "mail sent");
    });
  },
});
