import { sql } from "kysely";
import { digest, newSecret } from "../../auth/secrets.ts";
import { VERIFICATION_LINK_HOURS } from "../../commands/email-verification.ts";
import { sendMail } from "../../mail/mailer.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/**
 * Mails an email-verification link, like the password-reset mail: the secret is made here and
 * only its digest stored; the link points at PUBLIC_URL (else HOST:PORT); sent before the
 * transaction commits, so a refused mail rolls back and is retried. A link already mailed, used or
 * expired, or an account verified meanwhile, is not mailed.
 */
export const sendVerificationEmail = defineTask({
  name: "send_verification_email",
  payload: taskPayloads.send_verification_email,
  async handler({ verificationId }, deps) {
    await deps.db.transaction().execute(async (trx) => {
      const verification = await trx
        .selectFrom("email_verifications")
        .innerJoin("users", "users.id", "email_verifications.user_id")
        .select([
          "users.email",
          "users.email_verified_at",
          "email_verifications.token_hash",
          "email_verifications.used_at",
          sql<boolean>`email_verifications.expires_at < now()`.as("expired"),
        ])
        .where("email_verifications.id", "=", verificationId)
        .forUpdate("email_verifications")
        .executeTakeFirst();
      if (!verification || verification.email_verified_at || verification.token_hash || verification.used_at || verification.expired) return;
      const secret = newSecret();
      const base = (deps.env.PUBLIC_URL ?? `http://${deps.env.HOST}:${deps.env.PORT}`).replace(/\/$/, "");
      const link = `${base}/verify-email/${secret}`;
      const subject = "Confirm your email address for Tether";
      const body = [
        "Welcome to Tether. Please confirm that this address is yours:",
        "",
        link,
        "",
        `The link works once, for ${VERIFICATION_LINK_HOURS} hours. Until then you can use Tether as usual; it reminds you to confirm.`,
        "If you did not create a Tether account, ignore this mail.",
      ].join("\n");
      await trx.updateTable("email_verifications").set({ token_hash: digest(secret) }).where("id", "=", verificationId).execute();
      await trx
        .insertInto("mail_deliveries")
        .values({
          dedupe_key: `email-verification:${verificationId}`,
          recipient: verification.email,
          subject,
          body: deps.env.MAIL_TRANSPORT === "log" ? body : body.replace(link, "[link sent by mail, not kept]"),
          transport: deps.env.MAIL_TRANSPORT,
        })
        .execute();
      await sendMail(deps.env, { to: verification.email, subject, text: body });
      deps.logger.info({ to: verification.email, subject, transport: deps.env.MAIL_TRANSPORT }, "mail sent");
    });
  },
});
