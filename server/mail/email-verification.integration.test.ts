import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFICATION_MAILS_PER_WINDOW } from "../commands/email-verification.ts";
import { runTask, taskNamed } from "../queue/tasks/index.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { anonymous, signUpUser } from "../testing/client.ts";
import { startSmtpInbox } from "../testing/smtp-inbox.ts";

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;
type Session = { emailVerification?: string };

describe("optional email verification, through a real SMTP server", () => {
  let inbox: Inbox;
  let app: TestApp;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    app = await createTestApp({ env: { MAIL_TRANSPORT: "smtp", SMTP_URL: inbox.url, MAIL_FROM: "tether@example.test", PUBLIC_URL: "https://tether.example.test" } });
  });
  afterAll(async () => {
    await app.close();
    await inbox.stop();
  });

  /** Runs the verification mail jobs queued for this email and returns the last mailed link's secret. */
  const mailedSecret = async (email: string): Promise<string> => {
    const rows = await app.deps.db.selectFrom("email_verifications").innerJoin("users", "users.id", "email_verifications.user_id").select("email_verifications.id").where("users.email", "=", email).execute();
    for (const row of rows) await runTask(taskNamed("send_verification_email"), { verificationId: row.id }, app.deps);
    const mail = inbox.received.filter((m) => m.to.includes(email)).at(-1);
    const match = mail?.raw.replace(/=\r?\n/g, "").match(/https:\/\/tether\.example\.test\/verify-email\/([A-Za-z0-9_-]{40,})/);
    if (!match?.[1]) throw new Error(`no verification link mailed to ${email}`);
    return match[1];
  };

  it("mails a link at sign-up; the account signs in unverified until the link is used, once", async () => {
    const vera = await signUpUser(app, "vera");
    expect((await vera.client.get<Session>("/auth/session")).body.emailVerification).toBe("unverified");
    const login = await anonymous(app).post<Session>("/auth/login", { email: vera.email, password: "a long enough password" });
    expect(login.status).toBe(200);
    expect(login.body.emailVerification).toBe("unverified");

    const secret = await mailedSecret(vera.email);
    const stored = await app.deps.db.selectFrom("mail_deliveries").select("body").where("recipient", "=", vera.email).executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(secret);
    expect((await anonymous(app).post("/auth/verify-email", { token: secret })).status).toBe(204);
    expect((await vera.client.get<Session>("/auth/session")).body.emailVerification).toBe("verified");
    const again = await anonymous(app).post("/auth/verify-email", { token: secret });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: "verification_link_invalid" } });
    // Verified: asking again mails nothing.
    const resend = await vera.client.post<{ emailVerification: string }>("/me/email-verification");
    expect(resend.status).toBe(202);
    expect(resend.body.emailVerification).toBe("verified");
  });

  it("refuses an expired link, and a new one can be asked for, within a limit", async () => {
    const walt = await signUpUser(app, "walt");
    const first = await mailedSecret(walt.email);
    await app.deps.db.updateTable("email_verifications").set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await anonymous(app).post("/auth/verify-email", { token: first })).status).toBe(410);
    expect((await walt.client.get<Session>("/auth/session")).body.emailVerification).toBe("unverified");

    // The mail at sign-up counts towards the limit.
    for (let sent = 1; sent < VERIFICATION_MAILS_PER_WINDOW; sent++) expect((await walt.client.post("/me/email-verification")).status).toBe(202);
    const limited = await walt.client.post("/me/email-verification");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    const fresh = await mailedSecret(walt.email);
    expect(fresh).not.toBe(first);
    expect((await anonymous(app).post("/auth/verify-email", { token: fresh })).status).toBe(204);
    expect((await walt.client.get<Session>("/auth/session")).body.emailVerification).toBe("verified");
  });
});

describe("email verification with the default log transport", () => {
  it("is off: nothing is asked of anyone", async () => {
    const app = await createTestApp();
    try {
      const xena = await signUpUser(app, "xena");
      expect((await xena.client.get<Session>("/auth/session")).body.emailVerification).toBe("off");
      expect(await app.deps.db.selectFrom("email_verifications").selectAll().execute()).toEqual([]);
      expect((await xena.client.post<{ emailVerification: string }>("/me/email-verification")).body.emailVerification).toBe("off");
    } finally {
      await app.close();
    }
  });
});
