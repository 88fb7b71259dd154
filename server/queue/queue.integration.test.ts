import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser, type TestUser } from "../testing/client.ts";
import { enqueue } from "./enqueue.ts";
import { startWorker } from "./worker.ts";

async function jobCount(app: TestApp): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs`.execute(app.deps.db);
  return result.rows[0]?.n ?? -1;
}

describe("job queue (graphile-worker on the same PostgreSQL)", () => {
  let app: TestApp;
  let admin: TestUser;
  let workspaceId: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await signUpUser(app, "queue-admin");
    workspaceId = (await admin.client.post<{ workspace: { id: string } }>("/workspaces", { name: "Q" })).body.workspace.id;
  });
  afterAll(async () => app.close());

  it("enqueues inside the caller's transaction: a rollback enqueues nothing", async () => {
    const before = await jobCount(app);
    await expect(
      app.deps.db.transaction().execute(async (trx) => {
        await enqueue(trx, "send_invitation_email", { invitationId: crypto.randomUUID(), inviteUrl: "http://x.test/invite/abc" });
        expect(await jobCount({ ...app, deps: { ...app.deps, db: trx } })).toBe(before + 1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobCount(app)).toBe(before);
  });

  it("mails an emailed invitation through the worker exactly once", async () => {
    const created = await admin.client.post<{ url: string; invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, {
      role: "member",
      email: "invitee@example.test",
    });
    expect(created.status).toBe(201);
    expect(await jobCount(app)).toBe(1);
    const worker = await startWorker(app.deps);
    try {
      const deadline = Date.now() + 10_000;
      let mails: { recipient: string; subject: string; body: string }[] = [];
      while (Date.now() < deadline) {
        mails = await app.deps.db.selectFrom("mail_deliveries").select(["recipient", "subject", "body"]).execute();
        if (mails.length > 0 && (await jobCount(app)) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(mails).toHaveLength(1);
      expect(mails[0]?.recipient).toBe("invitee@example.test");
      expect(mails[0]?.subject).toBe("queue-admin invited you to Q on Tether");
      expect(mails[0]?.body).toContain(created.body.url);
      expect(await jobCount(app)).toBe(0);
      // Still one a little later, with the worker still polling: the job was not run again.
      await new Promise((r) => setTimeout(r, 500));
      expect(await app.deps.db.selectFrom("mail_deliveries").select("recipient").execute()).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("purges expired sessions and day-old failed logins, keeping live ones", async () => {
    const { purgeExpired } = await import("./tasks/purge-expired.ts");
    const past = new Date(Date.now() - 3_600_000);
    await app.deps.db
      .insertInto("sessions")
      .values({ id_hash: "expired-session", user_id: admin.id, csrf_token: "x", expires_at: past })
      .execute();
    await app.deps.db.insertInto("login_attempts").values({ attempt_key: "email:old@example.test", attempted_at: new Date(Date.now() - 2 * 86_400_000) }).execute();
    await app.deps.db.insertInto("login_attempts").values({ attempt_key: "email:new@example.test" }).execute();
    await purgeExpired({}, app.deps);
    const sessions = await app.deps.db.selectFrom("sessions").select("id_hash").execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain("expired-session");
    expect(sessions.length).toBeGreaterThan(0);
    expect((await app.deps.db.selectFrom("login_attempts").select("attempt_key").execute()).map((a) => a.attempt_key)).toEqual(["email:new@example.test"]);
    expect((await admin.client.get("/auth/session")).status).toBe(200);
  });

  it("a task given a malformed payload fails instead of guessing", async () => {
    const { sendInvitationEmail } = await import("./tasks/send-invitation-email.ts");
    await expect(sendInvitationEmail({ invitationId: "nope" }, app.deps)).rejects.toThrow();
  });
});
