import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EpicIssuesPage } from "../../../common/contracts/jira-listing.ts";
import { seedEpic } from "../../testing/epic-listing-seed.ts";
import { setUpSync, syncVariants, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import type { TestUser } from "../../testing/client.ts";
import { invalidateEpicListing } from "./epic-listing-invalidate.ts";

type Answer = { status: number; body: EpicIssuesPage & { error?: { code: string; message: string; details?: { jiraCode?: string; lastLoadedAt?: string | null } } } };

describe.each(syncVariants)("Epic issue listing ($flavor, $kind-managed project)", ({ flavor, kind }) => {
  let f: SyncFixture;
  const epics: Record<number, { epicKey: string; childKeys: string[]; useCaseId: string }> = {};

  const path = (useCaseId: string, query: Record<string, string | number> = {}) =>
    `${f.base}/${useCaseId}/jira/issues?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;
  const list = (useCaseId: string, query: Record<string, string | number> = {}, user: TestUser = f.admin) => user.client.get(path(useCaseId, query)) as Promise<Answer>;
  const searches = () => f.sim.control.requestLog().filter((entry) => /\/search(\/jql)?$/.test(entry.path)).length;

  async function walk(useCaseId: string, query: Record<string, string | number>) {
    const keys: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: Answer = await list(useCaseId, { ...query, ...(cursor ? { cursor } : {}) });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      keys.push(...answer.body.issues.map((issue) => issue.key));
      cursor = answer.body.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    return keys;
  }

  beforeAll(async () => {
    f = await setUpSync(flavor, { worker: false, prefix: `listing-${flavor}-${kind}`, kind });
    // The 2,000-child walk does not depend on the project's kind: once per flavour.
    for (const count of kind === "company" ? [0, 1, 50, 2000] : [0, 1, 50]) {
      const seeded = seedEpic(f.sim, flavor, count, undefined, f.projectKey);
      const useCase = await f.createUseCase({ title: `Listing ${count}`, assigneeId: f.member.id });
      const linked = await f.link(useCase.id, { issueKey: seeded.epicKey });
      expect(linked.status, JSON.stringify(linked.body)).toBe(201);
      epics[count] = { ...seeded, useCaseId: useCase.id };
    }
    // Spread the 50-child Epic over the three status categories: i % 4 = 1 in progress, 2 done.
    epics[50]!.childKeys.forEach((key, i) => {
      if (i % 4 === 1 || i % 4 === 2) f.sim.control.transitionIssue("ada", key, { toStatus: "In Progress" });
      if (i % 4 !== 2) return;
      // A team-managed workflow reaches Done in one step (and resolves the issue itself).
      if (kind === "team") return f.sim.control.transitionIssue("ada", key, { toStatus: "Done" });
      f.sim.control.transitionIssue("ada", key, { toStatus: "In Review" });
      f.sim.control.transitionIssue("ada", key, { toStatus: "Done", fields: { resolution: { name: "Done" } } });
    });
  }, 120_000);
  afterAll(async () => f?.close());

  it.each([0, 1, 50])("lists every child of an Epic with %i children, with progress and a link to Jira", async (count) => {
    const epic = epics[count]!;
    const first = await list(epic.useCaseId, { limit: 7 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.matching).toBe(count);
    expect(first.body.progress.total.issues).toBe(count);
    const points = epic.childKeys.reduce((sum, _key, i) => sum + (i % 5) + 1, 0);
    expect(first.body.progress.total.storyPoints).toBe(points);
    const byCategory = first.body.progress.byCategory;
    expect(byCategory.new.issues + byCategory.indeterminate.issues + byCategory.done.issues).toBe(count);
    expect(first.body.epic.url).toBe(`${f.sim.url}/browse/${epic.epicKey}`);
    expect(new Date(first.body.fetchedAt).getTime()).toBeLessThanOrEqual(Date.now());
    const keys = await walk(epic.useCaseId, { limit: 7 });
    expect(keys).toEqual(epic.childKeys);
    if (count > 0) {
      const issue = first.body.issues[0]!;
      expect(issue).toMatchObject({ key: epic.childKeys[0], summary: `Child 0 of Listing epic ${count}`, storyPoints: 1, assignee: null, url: `${f.sim.url}/browse/${epic.childKeys[0]}` });
      expect(issue.issueType?.name).toBe("Story");
      expect(issue.issueType?.iconUrl).toMatch(/^http/);
      expect(issue.status?.category).toBe("new");
      expect(issue.priority).toBeTruthy();
      expect(issue.updated).toBeTruthy();
    }
  });

  (kind === "company" ? it : it.skip)("walks a 2,000-child Epic to the end in every sort, without duplicates or gaps, from one Jira walk", async () => {
    const epic = epics[2000]!;
    f.sim.control.clearRequestLog();
    const byRank = await walk(epic.useCaseId, { limit: 200 });
    expect(byRank).toEqual(epic.childKeys);
    // One walk of the Epic: 100 per page on Cloud, 1,000 on Data Center.
    expect(searches()).toBe(flavor === "cloud" ? 20 : 2);
    for (const sort of ["status", "updated"]) {
      const keys = await walk(epic.useCaseId, { limit: 150, sort });
      expect(new Set(keys).size).toBe(2000);
      expect([...keys].sort()).toEqual([...epic.childKeys].sort());
    }
    expect(searches()).toBe(flavor === "cloud" ? 20 : 2);
  }, 60_000);

  it("filters by type, assignee (incl. unassigned), status, category and text, alone and combined", async () => {
    const epic = epics[50]!;
    const all = (await list(epic.useCaseId, { limit: 200 })).body.issues;
    const expectFilter = async (query: Record<string, string>, keep: (issue: (typeof all)[number]) => boolean) => {
      const answer = await list(epic.useCaseId, { ...query, limit: 200 });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const expected = all.filter(keep).map((i) => i.key);
      expect(answer.body.issues.map((i) => i.key), JSON.stringify(query)).toEqual(expected);
      expect(answer.body.matching).toBe(expected.length);
      // Progress is the whole Epic's, whatever the filter.
      expect(answer.body.progress.total.issues).toBe(50);
      return expected.length;
    };
    expect(await expectFilter({ type: "Bug" }, (i) => i.issueType?.name === "Bug")).toBe(16);
    expect(await expectFilter({ assignee: "unassigned" }, (i) => i.assignee === null)).toBe(17);
    const someone = all.find((i) => i.assignee)!.assignee!;
    expect(await expectFilter({ assignee: someone.id }, (i) => i.assignee?.id === someone.id)).toBe(33);
    const status = all[0]!.status!;
    expect(await expectFilter({ status: status.name }, (i) => i.status?.name === status.name)).toBeGreaterThan(0);
    expect(await expectFilter({ category: "new" }, (i) => i.status?.category === "new")).toBeGreaterThan(0);
    expect(await expectFilter({ category: "indeterminate" }, (i) => i.status?.category === "indeterminate")).toBe(13);
    expect(await expectFilter({ category: "done" }, (i) => i.status?.category === "done")).toBe(12);
    expect(await expectFilter({ q: "child 1" }, (i) => i.summary.toLowerCase().includes("child 1"))).toBe(11);
    expect(await expectFilter({ type: "Task", assignee: "unassigned" }, (i) => i.issueType?.name === "Task" && i.assignee === null)).toBe(0);
    expect(await expectFilter({ type: "Bug", assignee: someone.id }, (i) => i.issueType?.name === "Bug" && i.assignee?.id === someone.id)).toBe(16);
    expect(await expectFilter({ category: "done", assignee: "unassigned" }, (i) => i.status?.category === "done" && i.assignee === null)).toBeGreaterThan(0);
    expect(await expectFilter({ type: "Story", q: "Child 3", category: "new" }, (i) => i.issueType?.name === "Story" && i.summary.includes("Child 3") && i.status?.category === "new")).toBeGreaterThan(0);
    // User text is data, never syntax: quotes, wildcards and JQL words match literally.
    for (const q of ['" OR project = X', "%", "_", "\\", "Child 1%"]) expect(await expectFilter({ q }, () => false)).toBe(0);
    const facets = (await list(epic.useCaseId)).body.facets;
    expect(facets.types.sort()).toEqual(["Bug", "Story", "Task"]);
    expect(facets.assignees.map((a) => a.id)).toEqual([someone.id]);
  });

  it("sorts by status category then status, and by updated newest first", async () => {
    const epic = epics[50]!;
    const byStatus = (await list(epic.useCaseId, { sort: "status", limit: 200 })).body.issues;
    const order = { new: 0, indeterminate: 1, done: 2 } as const;
    const ranks = byStatus.map((i) => order[i.status!.category!]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const byUpdated = (await list(epic.useCaseId, { sort: "updated", limit: 200 })).body.issues.map((i) => Date.parse(i.updated!));
    expect(byUpdated).toEqual([...byUpdated].sort((a, b) => b - a));
    expect((await list(epic.useCaseId, { sort: "updated", cursor: "bm9wZQ" })).status).toBe(400);
  });

  it("serves the cache, refreshes on request, and reloads after an invalidation about a child", async () => {
    const epic = epics[50]!;
    await list(epic.useCaseId, { refresh: "true" });
    f.sim.control.clearRequestLog();
    const cached = await list(epic.useCaseId);
    expect(searches()).toBe(0);
    const refreshed = await list(epic.useCaseId, { refresh: "true" });
    expect(searches()).toBe(1);
    expect(Date.parse(refreshed.body.fetchedAt)).toBeGreaterThan(Date.parse(cached.body.fetchedAt));

    const child = epic.childKeys[4]!;
    f.sim.control.editIssue("ada", child, { fields: { summary: "Renamed in Jira" } });
    expect((await list(epic.useCaseId)).body.issues.find((i) => i.key === child)?.summary).not.toBe("Renamed in Jira");
    expect(await invalidateEpicListing(f.app.deps.db, f.workspaceId, { issueKey: child, parentKey: epic.epicKey })).toBe(1);
    expect(await invalidateEpicListing(f.app.deps.db, f.otherWorkspaceId, { issueKey: child })).toBe(0);
    const after = await list(epic.useCaseId, { limit: 200 });
    expect(after.body.issues.find((i) => i.key === child)?.summary).toBe("Renamed in Jira");
    expect(searches()).toBe(2);
  });

  it("makes one Jira search for 20 concurrent readers of a cold Epic", async () => {
    const epic = epics[50]!;
    await invalidateEpicListing(f.app.deps.db, f.workspaceId, { epicKey: epic.epicKey });
    f.sim.control.clearRequestLog();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => list(epic.useCaseId, {}, i % 2 ? f.admin : f.moderator)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.fetchedAt)).size).toBe(1);
    expect(searches()).toBe(1);
  });

  it("lets Admins, Moderators and the assigned Member list; other Members get 403, Visitors 404", async () => {
    const { useCaseId } = epics[1]!;
    expect((await list(useCaseId, {}, f.admin)).status).toBe(200);
    expect((await list(useCaseId, {}, f.moderator)).status).toBe(200);
    expect((await list(useCaseId, {}, f.member)).status).toBe(200);
    const other = await list(useCaseId, {}, f.otherMember);
    expect([other.status, other.body.error?.code]).toEqual([403, "forbidden"]);
    const visitor = await list(useCaseId, {}, f.visitor);
    expect([visitor.status, visitor.body.error?.code]).toEqual([404, "not_found"]);
    expect((await list(useCaseId, {}, f.outsider)).status).toBe(404);
  });

  it("serves the last list with a warning when Jira fails, and says so when there is none", async () => {
    const epic = epics[1]!;
    const loaded = await list(epic.useCaseId, { refresh: "true" });
    f.sim.control.setFaults({ errorRate: 1, errorStatus: 503 });
    try {
      const stale = await list(epic.useCaseId, { refresh: "true" });
      expect(stale.status).toBe(200);
      expect(stale.body.warning?.code).toBe("jira_unreachable");
      expect(stale.body.warning?.message).toContain(loaded.body.fetchedAt);
      expect(stale.body.issues.map((i) => i.key)).toEqual(epic.childKeys);
      const fresh = await f.createUseCase({ title: "Never loaded" });
      const extra = seedEpic(f.sim, flavor, 0, "Unreachable epic", f.projectKey);
      f.sim.control.setFaults({ errorRate: 0 });
      expect((await f.link(fresh.id, { issueKey: extra.epicKey })).status).toBe(201);
      f.sim.control.setFaults({ errorRate: 1, errorStatus: 503 });
      const failed = await list(fresh.id);
      expect(failed.status).toBe(502);
      expect(failed.body.error).toMatchObject({ code: "jira_failed", details: { jiraCode: "jira_unreachable", lastLoadedAt: null } });
      expect(failed.body.error?.message).toMatch(/not loaded before/);
    } finally {
      f.sim.control.setFaults({ errorRate: 0 });
    }
  }, 30_000);

  it("answers 409 while the feature is off and forgets the cache; unlinking drops it too", async () => {
    const count = async () => Number((await f.app.deps.db.withTables<{ epic_listing_snapshots: { workspace_id: string } }>().selectFrom("epic_listing_snapshots").select((eb) => eb.fn.countAll<string>().as("n")).where("workspace_id", "=", f.workspaceId).executeTakeFirstOrThrow()).n);
    const epic = epics[0]!;
    await list(epic.useCaseId);
    expect(await count()).toBeGreaterThan(0);
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { issueListing: false })).status).toBe(200);
    const off = await list(epic.useCaseId);
    expect([off.status, off.body.error?.code]).toEqual([409, "feature_disabled"]);
    expect(off.body.error?.message).toMatch(/Issue listing/);
    expect(await count()).toBe(0);
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { issueListing: true })).status).toBe(200);
    expect((await list(epic.useCaseId)).status).toBe(200);
    const before = await count();
    expect((await f.admin.client.delete(`${f.base}/${epic.useCaseId}/jira/link`)).status).toBe(204);
    expect(await count()).toBe(before - 1);
    const unlinked = await list(epic.useCaseId);
    expect(unlinked.status).toBe(404);
  });
});
