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
        await enqueue(trx, "send_invitation_email", { invitationId: crypto.randomUUID() });
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
      // Once mailed, the sealed link is forgotten.
      const sent = await app.deps.db.selectFrom("invitations").select("link_ciphertext").where("id", "=", created.body.invitation.id).executeTakeFirstOrThrow();
      expect(sent.link_ciphertext).toBeNull();
      // Still one a little later, with the worker still polling: the job was not run again.
      await new Promise((r) => setTimeout(r, 500));
      expect(await app.deps.db.selectFrom("mail_deliveries").select("recipient").execute()).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("keeps secrets out of job payloads: the invitation job carries the invitation id only", async () => {
    await app.deps.db.deleteFrom("graphile_worker._private_jobs" as never).execute();
    const created = await admin.client.post<{ url: string; invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, {
      role: "visitor",
      email: "secret-check@example.test",
    });
    expect(created.status).toBe(201);
    const token = created.body.url.split("/invite/")[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    // graphile_worker.jobs (a view) hides payloads; the table behind it has them.
    const jobs = await sql<{ task_identifier: string; payload: unknown }>`
      SELECT tasks.identifier AS task_identifier, jobs.payload
      FROM graphile_worker._private_jobs jobs JOIN graphile_worker._private_tasks tasks ON tasks.id = jobs.task_id`.execute(app.deps.db);
    expect(jobs.rows).toEqual([{ task_identifier: "send_invitation_email", payload: { invitationId: created.body.invitation.id } }]);
    for (const job of jobs.rows) {
      const text = JSON.stringify(job.payload);
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/invite\/|https?:|token|secret|password/i);
      // Nothing that looks like a random secret: only uuids are long values in a payload.
      const longValues = text.match(/[A-Za-z0-9_-]{20,}/g) ?? [];
      for (const value of longValues) expect(value).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The link waits sealed on the invitation, bound to its id; it is not stored in clear anywhere.
    const row = await app.deps.db.selectFrom("invitations").select(["link_ciphertext"]).where("id", "=", created.body.invitation.id).executeTakeFirstOrThrow();
    expect(row.link_ciphertext).not.toContain(token);
    expect(app.deps.secretBox.open(row.link_ciphertext ?? "", `invitation-link:${created.body.invitation.id}`)).toBe(created.body.url);
    await app.deps.db.deleteFrom("graphile_worker._private_jobs" as never).execute();
  });

  it("purges expired sessions and day-old failed logins, keeping live ones", async () => {
    const { purgeExpired } = await import("./tasks/purge-expired.ts");
    const { runTask } = await import("./tasks/index.ts");
    const past = new Date(Date.now() - 3_600_000);
    await app.deps.db
      .insertInto("sessions")
      .values({ id_hash: "expired-session", user_id: admin.id, csrf_token: "x", expires_at: past })
      .execute();
    await app.deps.db.insertInto("login_attempts").values({ attempt_key: "email:old@example.test", attempted_at: new Date(Date.now() - 2 * 86_400_000) }).execute();
    await app.deps.db.insertInto("login_attempts").values({ attempt_key: "email:new@example.test" }).execute();
    await runTask(purgeExpired, {}, app.deps);
    const sessions = await app.deps.db.selectFrom("sessions").select("id_hash").execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain("expired-session");
    expect(sessions.length).toBeGreaterThan(0);
    expect((await app.deps.db.selectFrom("login_attempts").select("attempt_key").execute()).map((a) => a.attempt_key)).toEqual(["email:new@example.test"]);
    expect((await admin.client.get("/auth/session")).status).toBe(200);
  });

  it("a task given a malformed payload fails instead of guessing", async () => {
    const { runTask, taskNamed } = await import("./tasks/index.ts");
    await expect(runTask(taskNamed("send_invitation_email"), { invitationId: "nope" }, app.deps)).rejects.toThrow();
    // enqueue checks the payload too, so a malformed job is never stored.
    await expect(enqueue(app.deps.db, "send_invitation_email", { invitationId: "nope" })).rejects.toThrow();
  });
});
