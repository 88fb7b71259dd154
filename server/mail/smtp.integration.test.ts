import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTask, taskNamed } from "../queue/tasks/index.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser, type TestUser } from "../testing/client.ts";
import { startSmtpInbox } from "../testing/smtp-inbox.ts";

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;

describe("invitation mail through a real SMTP server (MAIL_TRANSPORT=smtp)", () => {
  let inbox: Inbox;
  let app: TestApp;
  let admin: TestUser;
  let workspaceId: string;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    app = await createTestApp({ env: { MAIL_TRANSPORT: "smtp", SMTP_URL: inbox.url, MAIL_FROM: "Tether <tether@example.test>" } });
    admin = await signUpUser(app, "smtp-admin");
    workspaceId = (await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Mail" })).body.workspace.id;
  });
  afterAll(async () => {
    await app.close();
    await inbox.stop();
  });

  const invite = async (email: string) => {
    const created = await admin.client.post<{ url: string; invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, { role: "member", email });
    expect(created.status).toBe(201);
    return created.body;
  };

  it("delivers the link to the invited address from MAIL_FROM, once", async () => {
    const { url, invitation } = await invite("newcomer@example.test");
    await runTask(taskNamed("send_invitation_email"), { invitationId: invitation.id }, app.deps);
    await runTask(taskNamed("send_invitation_email"), { invitationId: invitation.id }, app.deps);
    expect(inbox.received).toHaveLength(1);
    const [mail] = inbox.received;
    expect(mail?.from).toBe("tether@example.test");
    expect(mail?.to).toEqual(["newcomer@example.test"]);
    expect(mail?.raw.replace(/=\r?\n/g, "")).toContain(url);
  });

  it("a refused mail rolls back and is sent by the retry", async () => {
    const { url, invitation } = await invite("retry@example.test");
    inbox.refuse = true;
    await expect(runTask(taskNamed("send_invitation_email"), { invitationId: invitation.id }, app.deps)).rejects.toThrow(/451/);
    expect(await app.deps.db.selectFrom("mail_deliveries").select("id").where("recipient", "=", "retry@example.test").execute()).toHaveLength(0);
    inbox.refuse = false;
    await runTask(taskNamed("send_invitation_email"), { invitationId: invitation.id }, app.deps);
    const delivered = inbox.received.filter((mail) => mail.to.includes("retry@example.test"));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.raw.replace(/=\r?\n/g, "")).toContain(url);
  });
});
