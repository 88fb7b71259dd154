import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESET_LIMITS } from "../commands/password-reset.ts";
import { runTask, taskNamed } from "../queue/tasks/index.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { anonymous, ApiClient, signUpUser } from "../testing/client.ts";
import { startSmtpInbox } from "../testing/smtp-inbox.ts";

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;

describe("password reset by email, through a real SMTP server", () => {
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

  const ask = (email: string) => anonymous(app).post<{ message: string }>("/auth/password-reset", { email });
  /** Runs the mail jobs the request queued and returns the link's secret from the received mail. */
  const mailedSecret = async (email: string): Promise<string> => {
    for (const reset of await app.deps.db.selectFrom("password_resets").innerJoin("users", "users.id", "password_resets.user_id").select("password_resets.id").where("users.email", "=", email).execute()) {
      await runTask(taskNamed("send_password_reset_email"), { resetId: reset.id }, app.deps);
    }
    const mail = inbox.received.filter((m) => m.to.includes(email)).at(-1);
    const match = mail?.raw.replace(/=\r?\n/g, "").match(/https:\/\/tether\.example\.test\/reset-password\/([A-Za-z0-9_-]{40,})/);
    if (!match?.[1]) throw new Error(`no reset link mailed to ${email}`);
    return match[1];
  };

  it("gives the same answer whether or not the account exists, and mails only an account", async () => {
    await signUpUser(app, "rosa");
    const known = await ask("rosa@example.test");
    const unknown = await ask("nobody-here@example.test");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    await mailedSecret("rosa@example.test");
    expect(inbox.received.some((m) => m.to.includes("nobody-here@example.test"))).toBe(false);
  });

  it("sets the new password once: every session ends, API tokens are revoked, the link stops working", async () => {
    const sam = await signUpUser(app, "sam");
    const token = new ApiClient(app, { kind: "token", token: (await sam.client.post<{ secret: string }>("/me/tokens", { name: "ci" })).body.secret });
    expect((await ask(sam.email)).status).toBe(202);
    const secret = await mailedSecret(sam.email);
    const stored = await app.deps.db.selectFrom("mail_deliveries").select("body").where("recipient", "=", sam.email).executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(secret);
    const done = await anonymous(app).post("/auth/password-reset/complete", { token: secret, newPassword: "a freshly reset password" });
    expect(done.status).toBe(204);
    expect((await sam.client.get("/auth/session")).status).toBe(401);
    expect((await token.get("/auth/session")).status).toBe(401);
    expect((await anonymous(app).post("/auth/login", { email: sam.email, password: "a long enough password" })).status).toBe(401);
    expect((await anonymous(app).post("/auth/login", { email: sam.email, password: "a freshly reset password" })).status).toBe(200);
    const again = await anonymous(app).post("/auth/password-reset/complete", { token: secret, newPassword: "an attacker's password" });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: "reset_link_invalid" } });
  });

  it("refuses an expired link", async () => {
    const tom = await signUpUser(app, "tom");
    await ask(tom.email);
    const secret = await mailedSecret(tom.email);
    await app.deps.db.updateTable("password_resets").set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await anonymous(app).post("/auth/password-reset/complete", { token: secret, newPassword: "a freshly reset password" })).status).toBe(410);
    expect((await anonymous(app).post("/auth/login", { email: tom.email, password: "a long enough password" })).status).toBe(200);
  });

  it("limits requests per email, the same for an unknown email", async () => {
    for (const email of ["uma@example.test", "unknown-uma@example.test"]) {
      if (email === "uma@example.test") await signUpUser(app, "uma");
      for (let i = 0; i < RESET_LIMITS.perEmail; i++) expect((await ask(email)).status).toBe(202);
      const limited = await ask(email);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
    }
  });
});
