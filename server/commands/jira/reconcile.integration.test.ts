import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { reconcileWorkspace } from "./reconcile.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("reconciliation and workspace re-sync (Cloud simulator, real worker)", () => {
  let f: SyncFixture;
  const linked: Array<{ useCase: UseCase; issueKey: string }> = [];
  const title = async (useCaseId: string) => (await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCaseId}`)).body.useCase.title;

  beforeAll(async () => {
    f = await setUpSync("cloud", { prefix: "reconcile" });
    // Webhooks never arrive: only reconciliation can bring Jira's changes.
    f.sim.control.setFaults({ webhooks: { dropRate: 1 } });
    for (const name of ["Checkout", "Refunds", "Invoices"]) {
      const useCase = await f.createUseCase({ title: name });
      const response = await f.link(useCase.id, { create: true });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      linked.push({ useCase, issueKey: response.body.link.issueKey! });
    }
    expect(linked.every((l) => l.issueKey)).toBe(true);
  });
  afterAll(async () => f.close());

  it("repairs a missed Jira change with one run, and records the run with its counts", async () => {
    const [target] = linked;
    await reconcileWorkspace(f.app.deps, f.workspaceId);
    f.sim.control.editIssue("ben", target!.issueKey, { fields: { summary: "Checkout, renamed in Jira" } });
    await sleep(300);
    expect(await title(target!.useCase.id), "no webhook came").toBe("Checkout");

    const run = await reconcileWorkspace(f.app.deps, f.workspaceId);
    expect(run).toMatchObject({ outcome: "ok", changed: 1 });
    expect(run.windowMinutes).toBeGreaterThanOrEqual(2);
    expect(run.searched).toBeGreaterThanOrEqual(3);
    await eventually(async () => expect(await title(target!.useCase.id)).toBe("Checkout, renamed in Jira"));

    const log = await f.admin.client.get<{ entries: Array<{ operation: string; outcome: string; changes: Array<{ field: string; new: unknown }> }> }>(`${f.jiraBase}/sync-log?operation=reconcile`);
    expect(log.body.entries[0]).toMatchObject({ operation: "reconcile", outcome: "ok" });
    expect(log.body.entries[0]!.changes).toContainEqual({ field: "changed", old: null, new: 1 });

    // Nothing changed since: the next run enqueues nothing.
    await eventually(async () => expect((await reconcileWorkspace(f.app.deps, f.workspaceId)).changed).toBe(0));
  });

  it("does not skip a change the search index had not seen yet (overlap)", async () => {
    const [, target] = linked;
    await reconcileWorkspace(f.app.deps, f.workspaceId);
    f.sim.control.setFaults({ searchIndexLagMs: 1500 });
    try {
      f.sim.control.editIssue("ben", target!.issueKey, { fields: { summary: "Refunds, edited while the index lags" } });
      const early = await reconcileWorkspace(f.app.deps, f.workspaceId);
      expect(early.outcome).toBe("ok");
      await sleep(1700);
      // The cursor moved past the edit, yet the next run's window still covers it.
      const late = await reconcileWorkspace(f.app.deps, f.workspaceId);
      expect(early.changed + late.changed).toBeGreaterThanOrEqual(1);
      await eventually(async () => expect(await title(target!.useCase.id)).toBe("Refunds, edited while the index lags"));
    } finally {
      f.sim.control.setFaults({ searchIndexLagMs: 0 });
    }
  });

  it("re-queues a link whose job was lost", async () => {
    const [, , target] = linked;
    const link = await f.app.deps.db.selectFrom("jira_links").select("id").where("use_case_id", "=", target!.useCase.id).executeTakeFirstOrThrow();
    // A save whose job vanished: the link says pending, no job exists.
    await f.app.deps.db.updateTable("use_cases").set({ title: "Invoices, saved while the queue lost its job" }).where("id", "=", target!.useCase.id).execute();
    await f.app.deps.db.updateTable("jira_links").set({ state: "pending", tether_changed_at: JSON.stringify({ title: new Date().toISOString() }) }).where("id", "=", link.id).execute();
    const run = await reconcileWorkspace(f.app.deps, f.workspaceId);
    expect(run.requeued).toBe(1);
    await eventually(() => expect(f.sim.control.issue(target!.issueKey).summary).toBe("Invoices, saved while the queue lost its job"));
  });

  it("tries a link in error again once its failure is five minutes old, not before", async () => {
    const [, , target] = linked;
    const link = await f.app.deps.db.selectFrom("jira_links").select(["id", "state"]).where("use_case_id", "=", target!.useCase.id).executeTakeFirstOrThrow();
    // The previous test's run on this link may still be storing its outcome (after its Jira write):
    // wait until the link has no job left, or that run's "ok" would overwrite the error set below.
    await eventually(async () => {
      const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${linkSyncJobKey(link.id)}`.execute(f.app.deps.db);
      expect(jobs.rows[0]?.n).toBe(0);
      expect((await f.app.deps.db.selectFrom("jira_links").select("state").where("id", "=", link.id).executeTakeFirstOrThrow()).state).toBe("ok");
    });
    await f.app.deps.db.updateTable("use_cases").set({ title: "Invoices, stranded by an unexpected answer" }).where("id", "=", target!.useCase.id).execute();
    const erred = (minutesAgo: number) =>
      f.app.deps.db.updateTable("jira_links").set({ state: "error", updated_at: new Date(Date.now() - minutesAgo * 60_000) }).where("use_case_id", "=", target!.useCase.id).execute();
    await erred(1);
    expect((await reconcileWorkspace(f.app.deps, f.workspaceId)).requeued).toBe(0);
    await erred(6);
    expect((await reconcileWorkspace(f.app.deps, f.workspaceId)).requeued).toBe(1);
    await eventually(() => expect(f.sim.control.issue(target!.issueKey).summary).toBe("Invoices, stranded by an unexpected answer"));
  });

  it("re-syncs the whole workspace with a progress handle that reaches the total", async () => {
    const started = await f.admin.client.post<SyncJobProgress>(`${f.jiraBase}/resync`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ kind: "resync", total: 3 });
    const progress = await eventually(async () => {
      const response = await f.admin.client.get<{ resync: SyncJobProgress }>(`${f.jiraBase}/resync`);
      expect(response.body.resync).toMatchObject({ state: "done", done: 3, failed: 0, total: 3 });
      return response.body.resync;
    }, 20_000);
    expect(progress.id).toBe(started.body.id);
    expect((await f.member.client.post(`${f.jiraBase}/resync`)).status).toBe(403);
  });

  it("keeps the interval per workspace and enqueues only due workspaces", async () => {
    const saved = await f.admin.client.put<{ reconcileIntervalSeconds: number; lastReconciledAt: string | null }>(`${f.jiraBase}/sync-settings`, { reconcileIntervalSeconds: 300 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.reconcileIntervalSeconds).toBe(300);
    expect(saved.body.lastReconciledAt).not.toBeNull();
    expect((await f.admin.client.put(`${f.jiraBase}/sync-settings`, { reconcileIntervalSeconds: 5 })).status).toBe(400);
    const { workspacesDueForReconcile } = await import("../../models/jira-sync-settings.ts");
    expect(await workspacesDueForReconcile(f.app.deps.db, new Date())).not.toContain(f.workspaceId);
    expect(await workspacesDueForReconcile(f.app.deps.db, new Date(Date.now() + 300_000))).toContain(f.workspaceId);
  });
});
