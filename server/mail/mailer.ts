import nodemailer, { type Transporter } from "nodemailer";
import type { Env } from "../env.ts";

export type Mail = { to: string; subject: string; text: string };

const transports = new Map<string, Transporter>();

/**
 * Sends one mail through the configured transport. `log` (the default) sends nothing: the caller
 * records the mail in `mail_deliveries` and logs recipient and subject. `smtp` hands it to the SMTP
 * server in SMTP_URL (`smtp://user:pass@host:587`, `smtps://…` for implicit TLS) from MAIL_FROM,
 * and throws when that server refuses it, so the queue retries.
 */
export async function sendMail(env: Pick<Env, "MAIL_TRANSPORT" | "SMTP_URL" | "MAIL_FROM">, mail: Mail): Promise<void> {
  if (env.MAIL_TRANSPORT === "log") return;
  if (!env.SMTP_URL || !env.MAIL_FROM) throw new Error("MAIL_TRANSPORT=smtp needs SMTP_URL and MAIL_FROM.");
  let transport = transports.get(env.SMTP_URL);
  if (!transport) {
    transport = nodemailer.createTransport(env.SMTP_URL);
    transports.set(env.SMTP_URL, transport);
  }
  await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
