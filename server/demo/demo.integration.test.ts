import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RunningProduct, runTether } from "../run.ts";
import { eventually } from "../testing/jira-sync-fixture.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { testTetherEnv } from "../testing/tether-env.ts";
import { DemoApi } from "./demo-api.ts";
import { demoUseCases } from "./demo-use-cases.ts";

const UseCase = z.looseObject({ id: z.string(), title: z.string(), version: z.number() });
const UseCases = z.object({ useCases: z.array(UseCase) });
const Webhook = z.looseObject({ state: z.string(), counts: z.object({ synced: z.number() }) });

/** `npm start -- --demo` as the same entry function, on free ports, against this test's database. */
describe("demo mode", () => {
  let database: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let running: RunningProduct | null = null;
  let banner = "";
  let startedAt = 0;

  const start = async () => {
    banner = "";
    const product = await runTether({ argv: ["--demo"], env, webDir: null, print: (text) => (banner += text) });
    if (!product?.demo) throw new Error("demo mode did not start");
    return product;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "tether-demo-"));
    env = { ...testTetherEnv(database.url), TETHER_DATA_DIR: dataDir };
    startedAt = Date.now();
    running = await start();
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("within 60 s of start: a ready workspace, an API edit reaching the simulator's page, and a simulator edit pushed back to Tether", { timeout: 90_000 }, async () => {
    const product = running;
    if (!product?.demo) throw new Error("not running");
    const { tether, demo } = product;
    expect(banner).toContain(`Tether demo is running at ${tether.url}`);
    expect(banner).toContain(`${demo.admin.email}  /  ${demo.admin.password}`);
    expect(banner).toContain(`simulated Jira  ${demo.jiraUrl}/`);
    expect(demo.workspace.useCases).toBe(12);
    expect(demo.workspace.webhook.state).toBe("registered");
    const linked = demo.workspace.links.filter((link) => link.issueKey);
    expect(linked.length).toBe(demoUseCases.filter((spec) => spec.epic).length);
    // Four use cases stand for the seeded Epics, whose child issues the simulator's page lists.
    const seeded = await (await fetch(`${demo.jiraUrl}/browse/${linked[0]?.issueKey ?? ""}`)).text();
    expect(seeded).toContain("Child issues (12)");

    const api = await DemoApi.signIn(tether.url, demo.admin);
    if (!api) throw new Error("the printed credentials do not sign in");
    const useCases = `/workspaces/${demo.workspaceId}/use-cases`;
    const created = linked.find((link) => link.title === "Self-service invoice download");
    if (!created?.issueKey) throw new Error("the Epic created by the demo is missing");
    const before = await api.call("read", "GET", `${useCases}/${created.useCaseId}`, z.object({ useCase: UseCase }));

    // Tether → Jira: an edit through the API shows up on the simulator's page.
    await api.call("edit", "PATCH", `${useCases}/${created.useCaseId}`, z.unknown(), { title: "Invoices as PDF, self-service", version: before.useCase.version });
    await eventually(async () => expect(await (await fetch(`${demo.jiraUrl}/browse/${created.issueKey}`)).text()).toContain('data-testid="sim-summary">Invoices as PDF, self-service<'), 30_000);

    // Jira → Tether: an edit through the simulator's form comes back, by webhook.
    const form = new URLSearchParams({ as: "ben", summary: "Invoices as PDF, from Jira", description: "Edited in Jira.", status: "To Do", priority: "Major" });
    const page = await (await fetch(`${demo.jiraUrl}/browse/${created.issueKey}`)).text();
    form.set("status", /data-testid="sim-status"><span class="lozenge [a-z]+">([^<]+)</.exec(page)?.[1] ?? "To Do");
    const saved = await fetch(`${demo.jiraUrl}/browse/${created.issueKey}`, { method: "POST", body: form, redirect: "manual" });
    expect(saved.status).toBe(303);
    await eventually(async () => {
      const { useCase } = await api.call("read", "GET", `${useCases}/${created.useCaseId}`, z.object({ useCase: UseCase }));
      expect(useCase.title).toBe("Invoices as PDF, from Jira");
    }, 30_000);
    const webhook = await api.call("webhook", "GET", `/workspaces/${demo.workspaceId}/integrations/jira/webhook`, Webhook);
    expect(webhook.counts.synced).toBeGreaterThanOrEqual(1);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  it("a second start reuses everything: same admin, no new use cases, Epics, links or webhook registrations", { timeout: 90_000 }, async () => {
    const first = running;
    if (!first?.demo) throw new Error("not running");
    const issuesBefore = first.demo.jira.sim.control.issueCount();
    const linksBefore = first.demo.workspace.links.map((link) => link.issueKey);
    await first.stop();
    running = null;

    running = await start();
    const second = running.demo;
    if (!second) throw new Error("not running");
    expect(second.admin).toEqual(first.demo.admin);
    expect(second.workspaceId).toBe(first.demo.workspaceId);
    expect(second.workspace.useCases).toBe(12);
    expect(second.workspace.links.map((link) => link.issueKey)).toEqual(linksBefore);
    expect(second.workspace.webhook.state).toBe("registered");
    expect(second.jira.sim.control.issueCount()).toBe(issuesBefore);
    expect([...second.jira.sim.control.store.webhooks.values()].map((hook) => hook.url)).toEqual([expect.stringContaining(running.tether.url)]);
    // The edit made in the simulator before the restart is still there.
    const created = second.workspace.links.find((link) => link.title === "Self-service invoice download");
    expect(second.jira.sim.control.issue(created?.issueKey ?? "").summary).toBe("Invoices as PDF, from Jira");
    const api = await DemoApi.signIn(running.tether.url, second.admin);
    const listed = await api?.call("list", "GET", `/workspaces/${second.workspaceId}/use-cases?limit=100`, UseCases);
    expect(listed?.useCases).toHaveLength(12);
  });
});
