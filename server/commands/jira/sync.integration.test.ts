import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseJiraResponse } from "../../../common/contracts/jira-sync.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { seedEpic } from "../../testing/epic-listing-seed.ts";
import { eventually, setUpSync, syncVariants, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { listStatuses } from "../statuses.ts";
import { syncLink } from "./sync-link.ts";

/**
 * Tether → Jira against the simulator over real HTTP, real PostgreSQL and a real worker, both
 * flavours and (Cloud) both project kinds. Tests that do not depend on the project's kind (queue,
 * locks, rate limits, roles) run once per flavour, in the company-managed variant.
 */
describe.each(syncVariants)("sync engine, Tether → Jira ($flavor, $kind-managed project)", ({ flavor, kind }) => {
  let f: SyncFixture;
  beforeAll(async () => {
    f = await setUpSync(flavor, { kind });
  });
  const anyKind = kind === "company" ? it : it.skip;
  afterAll(async () => f?.close());

  const statusId = async (name: string) => (await listStatuses(f.app.deps.db, f.workspaceId)).find((s) => s.name === name)!.id;
  const patch = async (useCase: { id: string }, body: Record<string, unknown>) => {
    const current = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    const response = await f.admin.client.patch<{ useCase: UseCase }>(`${f.base}/${useCase.id}`, { ...body, version: current.body.useCase.version });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.useCase;
  };
  const jiraState = (useCaseId: string) => f.admin.client.get<UseCaseJiraResponse>(`${f.base}/${useCaseId}/jira`);

  it("creates an Epic from a use case with every mapped field, and marks it with the link", async () => {
    const useCase = await f.createUseCase({
      title: "Churn prediction",
      description: "## Goal\n\nPredict **churn** early.\n\n- one\n- two",
      priority: "high",
      tags: ["ml", "retention"],
      targetDate: "2027-03-31",
      storyPoints: 8,
    });
    const linked = await f.link(useCase.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const key = linked.body.link.issueKey!;
    expect(key).toMatch(new RegExp(`^${f.projectKey}-\\d+$`));
    expect(linked.body.link.issueUrl).toBe(`${f.sim.url}/browse/${key}`);
    const issue = f.sim.control.issue(key);
    expect(issue.summary).toBe("Churn prediction");
    expect(issue.issueTypeId).toBe(f.mapping.issueTypeId);
    expect(issue.properties["tether.link"]).toMatchObject({ linkId: linked.body.link.id, useCaseId: useCase.id });
    expect(issue.priorityId).toBe("2");
    expect(issue.labels.sort()).toEqual(["ml", "retention"]);
    expect(issue.dueDate).toBe("2027-03-31");
    expect(Object.values(issue.custom)).toContain(8);
    expect(linked.body.link.state).toBe("ok");
    if (flavor === "datacenter") expect(issue.epicName).toBe("Churn prediction");
  });

  it("pushes every saved change of a mapped field, in one write per save", async () => {
    const useCase = await f.createUseCase({ title: "Pricing engine" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    f.sim.control.clearWriteCounts();
    await patch(useCase, { title: "Pricing engine v2", description: "Uses *elasticity*.", tags: ["pricing"], storyPoints: 5 });
    // Jira holds the values as soon as the PUT lands; the run logs its entry only after that
    // (and after storing the base). Wait for the entry, so the run has ended before counting.
    await eventually(async () => {
      const state = await jiraState(useCase.id);
      expect(state.body.recent.some((e) => e.operation === "push" && e.changes.some((c) => c.field === "title" && c.new === "Pricing engine v2"))).toBe(true);
    });
    const issue = f.sim.control.issue(key);
    expect(issue.summary).toBe("Pricing engine v2");
    expect(issue.labels).toEqual(["pricing"]);
    expect(Object.values(issue.custom)).toContain(5);
    const writes = Object.values(f.sim.control.writesPerIssue()).reduce((a, b) => a + b, 0);
    expect(writes).toBe(1);
  });

  it("walks a status change through a multi-step workflow, filling the required resolution", async () => {
    const useCase = await f.createUseCase({ title: "Fraud rules" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    await patch(useCase, { statusId: await statusId("Done") });
    await eventually(() => expect(f.sim.control.issue(key).statusId).toBe(f.jiraStatusId("Done")));
    expect(f.sim.control.issue(key).resolutionId).not.toBeNull();
    await eventually(async () => expect((await jiraState(useCase.id)).body.link?.state).toBe("ok"));
  });

  anyKind("coalesces quick edits: 10 saves make at most 2 Jira writes and the last value wins", async () => {
    const useCase = await f.createUseCase({ title: "Edit 0" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    f.sim.control.clearWriteCounts();
    const started = Date.now();
    for (let i = 1; i <= 10; i += 1) await patch(useCase, { title: `Edit ${i}` });
    const savingMs = Date.now() - started;
    await eventually(() => expect(f.sim.control.issue(key).summary).toBe("Edit 10"));
    await eventually(async () => expect((await jiraState(useCase.id)).body.link?.state).toBe("ok"));
    const writes = Object.values(f.sim.control.writesPerIssue()).reduce((a, b) => a + b, 0);
    // The guarantee: the first save goes out at once, then at most one push per second per issue.
    // Ten saves within a second are two writes; on a machine so busy that saving took longer,
    // the bound grows with the time the saves took, never with the number of saves.
    expect(writes).toBeLessThanOrEqual(1 + Math.ceil(savingMs / 1000));
  });

  it("links an existing issue by key, refusing unknown keys and a second link", async () => {
    const first = await f.createUseCase({ title: "Existing epic" });
    const epic = f.sim.control.createIssue("ada", { project: { key: f.projectKey }, issuetype: { id: f.mapping.issueTypeId }, summary: "Made in Jira", ...(flavor === "datacenter" ? { customfield_10102: "Made in Jira" } : {}) });
    const linked = await f.link(first.id, { issueKey: epic.key });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    // A freshly linked issue takes Tether's values where Tether leads.
    await eventually(() => expect(f.sim.control.issue(epic.key).summary).toBe("Existing epic"));
    const second = await f.createUseCase({ title: "Another" });
    expect((await f.link(second.id, { issueKey: epic.key })).body.error?.code).toBe("issue_already_linked");
    expect((await f.link(second.id, { issueKey: "TETH-99999" })).body.error?.code).toBe("jira_issue_not_found");
    // A Story (any type but the mapping's Epic type) is refused up front, not linked and then stuck.
    const [story] = seedEpic(f.sim, flavor, 1, "Epic with a story", f.projectKey).childKeys;
    const notEpic = await f.link(second.id, { issueKey: story! });
    expect(notEpic.status).toBe(400);
    expect(notEpic.body.error?.code).toBe("jira_issue_not_epic");
    expect((await jiraState(second.id)).body.link ?? null).toBeNull();
    expect((await f.link(first.id, { create: true })).body.error?.code).toBe("already_linked");
    expect((await f.link(second.id, { issueKey: "not a key" })).status).toBe(400);
  });

  it("links an existing Epic without wiping what Jira holds: empty use-case fields take Jira's values", async () => {
    const useCase = await f.createUseCase({ title: "Linked late" });
    const epic = f.sim.control.createIssue("ada", {
      project: { key: f.projectKey },
      issuetype: { id: f.mapping.issueTypeId },
      summary: "Written in Jira",
      description: "Written in Jira before the link.",
      labels: ["from-jira"],
      ...(flavor === "datacenter" ? { customfield_10102: "Written in Jira" } : {}),
    });
    expect((await f.link(useCase.id, { issueKey: epic.key })).status).toBe(201);
    await eventually(async () => {
      const read = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
      expect(read.body.useCase.description).toBe("Written in Jira before the link.");
      expect(read.body.useCase.tags).toEqual(["from-jira"]);
      // Tether's title still leads: both sides held one, and Tether's is the planned name.
      expect(f.sim.control.issue(epic.key).summary).toBe("Linked late");
    });
    const issue = f.sim.control.issue(epic.key);
    expect(issue.description).not.toBeNull();
    expect(issue.labels).toEqual(["from-jira"]);
  });

  it("never creates a second Epic when the connection resets after Jira committed the create", async () => {
    const useCase = await f.createUseCase({ title: "Reset-proof epic" });
    const before = f.sim.control.issueCount();
    f.sim.control.setFaults({ resetAfterWriteRate: 1 });
    try {
      const linked = await f.link(useCase.id, { create: true });
      expect(linked.status).toBe(201);
      expect(linked.body.link.state).toBe("creating");
    } finally {
      f.sim.control.setFaults({ resetAfterWriteRate: 0 });
    }
    const state = await eventually(async () => {
      const current = await jiraState(useCase.id);
      expect(current.body.link?.issueKey).toBeTruthy();
      return current.body;
    }, 15_000);
    expect(f.sim.control.issueCount()).toBe(before + 1);
    expect(state.recent.some((e) => e.operation === "adopt")).toBe(true);
  });

  it("blocks with the field's name when a mapped field is not on Jira's edit screen, and keeps the save", async () => {
    const useCase = await f.createUseCase({ title: "Screen check", storyPoints: 3 });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    const storyPoints = f.mapping.fields.find((m) => m.tetherField === "storyPoints")!.jiraField;
    f.sim.control.removeScreenField({ project: f.projectKey, issueType: f.mapping.issueTypeId }, "edit", storyPoints);
    try {
      const saved = await patch(useCase, { storyPoints: 13 });
      expect(saved.storyPoints).toBe(13);
      const blocked = await eventually(async () => {
        const current = (await jiraState(useCase.id)).body.link;
        expect(current?.state).toBe("blocked");
        return current!;
      });
      expect(blocked.stateCode).toBe("jira_field_not_on_screen");
      expect(blocked.stateReason).toContain(storyPoints);
      expect(f.sim.control.issue(key).custom[storyPoints]).toBe(3);
    } finally {
      f.sim.control.putScreenField({ project: f.projectKey, issueType: f.mapping.issueTypeId }, "edit", storyPoints);
    }
  });

  it("pulls a Jira edit on Sync now with source Jira, and our own write coming back changes nothing", async () => {
    const useCase = await f.createUseCase({ title: "Two-way" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    f.sim.control.editIssue("cara", key, { fields: { summary: "Renamed in Jira" } });
    const synced = await f.admin.client.post(`${f.base}/${useCase.id}/jira/sync`);
    expect(synced.status).toBe(200);
    const after = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    expect(after.body.useCase.title).toBe("Renamed in Jira");
    const history = await f.admin.client.get<{ history: Array<{ field: string; source: string; actorLabel: string | null }> }>(`${f.base}/${useCase.id}/history`);
    expect(history.body.history.find((e) => e.field === "title")).toMatchObject({ source: "jira", actorLabel: expect.stringContaining("Cara") });
    f.sim.control.clearWriteCounts();
    await f.admin.client.post(`${f.base}/${useCase.id}/jira/sync`);
    expect(f.sim.control.writesPerIssue()).toEqual({});
  });

  anyKind("runs one sync per issue at a time, across concurrent runs: a change is written once", async () => {
    const useCase = await f.createUseCase({ title: "Serial" });
    const link = (await f.link(useCase.id, { create: true })).body.link;
    // Change the use case underneath (no push scheduled), then let five runs race for the link.
    await f.app.deps.db.updateTable("use_cases").set({ title: "Serial, raced" }).where("id", "=", useCase.id).execute();
    f.sim.control.clearRequestLog();
    // Slow answers make the runs overlap: without the lock each would read the old value and write.
    f.sim.control.setFaults({ latencyMs: 150 });
    const runs = await Promise.all(Array.from({ length: 5 }, () => syncLink(f.app.deps, link.id, "manual"))).finally(() => f.sim.control.setFaults({ latencyMs: 0 }));
    expect(runs.every((r) => r.outcome === "ok")).toBe(true);
    expect(f.sim.control.issue(link.issueKey!).summary).toBe("Serial, raced");
    // Requests, not effective writes: a second identical PUT would change nothing in Jira but is still a racing writer.
    const puts = f.sim.control.requestLog().filter((r) => r.method === "PUT" && r.path.endsWith(`/issue/${link.issueKey}`));
    expect(puts).toHaveLength(1);
  });

  anyKind("backs off while Jira rate-limits, keeps the save, and catches up afterwards", async () => {
    const useCase = await f.createUseCase({ title: "Limited" });
    const link = (await f.link(useCase.id, { create: true })).body.link;
    f.sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    try {
      await f.app.deps.db.updateTable("use_cases").set({ title: "Limited, edited" }).where("id", "=", useCase.id).execute();
      const run = await syncLink(f.app.deps, link.id, "manual");
      expect(run.outcome).toBe("retrying");
      expect(run.rerunAt!.getTime()).toBeGreaterThan(Date.now());
      const state = (await jiraState(useCase.id)).body;
      expect(state.link).toMatchObject({ state: "retrying", stateCode: "jira_rate_limited" });
      expect(state.recent[0]).toMatchObject({ outcome: "retrying", errorCode: "jira_rate_limited" });
    } finally {
      f.sim.control.setFaults({ rateLimitRate: 0 });
    }
    expect((await syncLink(f.app.deps, link.id, "manual")).outcome).toBe("ok");
    expect(f.sim.control.issue(link.issueKey!).summary).toBe("Limited, edited");
  });

  anyKind("holds Tether changes while “Tether → Jira” is off, says so, and sends them when it is on again", async () => {
    const useCase = await f.createUseCase({ title: "Held back" });
    const key = (await f.link(useCase.id, { create: true })).body.link.issueKey!;
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { toJira: false })).status).toBe(200);
    try {
      await patch(useCase, { title: "Held back, edited" });
      const held = (await f.admin.client.post<{ link: UseCaseJiraResponse["link"] }>(`${f.base}/${useCase.id}/jira/sync`)).body.link;
      expect(held).toMatchObject({ state: "pending", stateCode: "feature_off" });
      expect(f.sim.control.issue(key).summary).toBe("Held back");
    } finally {
      expect((await f.admin.client.patch(`${f.jiraBase}/features`, { toJira: true })).status).toBe(200);
    }
    const sent = (await f.admin.client.post<{ link: UseCaseJiraResponse["link"] }>(`${f.base}/${useCase.id}/jira/sync`)).body.link;
    expect(sent?.state).toBe("ok");
    expect(f.sim.control.issue(key).summary).toBe("Held back, edited");
  });

  anyKind("gives each role its rights: Visitors see nothing, Members only their assigned use cases", async () => {
    const useCase = await f.createUseCase({ title: "Roles", visibility: "public" });
    expect((await f.visitor.client.get(`${f.base}/${useCase.id}/jira`)).status).toBe(404);
    expect((await f.member.client.post(`${f.base}/${useCase.id}/jira/link`, { create: true })).status).toBe(403);
    const mine = await f.createUseCase({ title: "Mine", assigneeId: f.member.id });
    const state = await f.member.client.get<UseCaseJiraResponse>(`${f.base}/${mine.id}/jira`);
    expect(state.body.abilities).toEqual({ link: true, sync: true });
    expect((await f.member.client.post(`${f.base}/${mine.id}/jira/link`, { create: true })).status).toBe(201);
    expect((await f.member.client.get(`${f.jiraBase}/mapping`)).status).toBe(403);
    expect((await f.moderator.client.get(`${f.jiraBase}/sync-log`)).status).toBe(200);
  });
});
