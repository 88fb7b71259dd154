import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import type { JiraClient } from "./jira-client.ts";
import { clientFor, collect, type Flavor, startSim } from "./testing/sim-clients.ts";

describe.each<Flavor>(["cloud", "datacenter"])("issue reads and writes against the %s simulator", (flavor) => {
  let sim: JiraSim;
  let ada: JiraClient;
  let epicTypeId: string;
  let storyTypeId: string;

  beforeAll(async () => {
    sim = await startSim(flavor);
    ada = clientFor(sim, "ada");
    const types = await ada.issueTypesForProject("TETH");
    epicTypeId = (await ada.epicIssueType("TETH"))?.id ?? "";
    storyTypeId = types.find((t) => t.name === "Story")?.id ?? "";
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("creates an Epic (Data Center: Epic Name filled in) and a child under it, found as the Epic's child", async () => {
    const epic = await ada.createIssue({
      projectKey: "TETH",
      issueTypeId: epicTypeId,
      summary: "Use case: smarter routing",
      description: ada.plainText("Hand-over from Tether"),
      labels: ["tether"],
    });
    const child = await ada.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: "Route by region", epicKey: epic.key });
    const read = await ada.getIssue(child.key);
    expect(read.parentKey).toBe(epic.key);
    const children = await collect(ada.epicChildren(epic.key));
    expect(children.map((c) => c.key)).toEqual([child.key]);
    const epicRead = await ada.getIssue(epic.key, { fields: ["summary", "description", "labels"] });
    expect(epicRead.description).toEqual(ada.plainText("Hand-over from Tether"));
    expect(epicRead.fields.labels).toEqual(["tether"]);
    if (flavor === "datacenter") {
      const roles = await ada.fieldRoles();
      expect((await ada.getIssue(epic.key, { fields: [roles.epicName ?? ""] })).fields[roles.epicName ?? ""]).toBe("Use case: smarter routing");
    }
  });

  it("pages an Epic's children with filters through epicChildrenJql", async () => {
    const [epic] = await collect(ada.searchIssues(`project = TETH AND issuetype = ${JSON.stringify("Epic")} ORDER BY key ASC`, { pageSize: 1 }));
    if (!epic) throw new Error("no epic in demo");
    const jql = await ada.epicChildrenJql(epic.key);
    const all = await collect(ada.epicChildren(epic.key, { pageSize: 5 }));
    expect(all.length).toBeGreaterThan(5);
    const first = await ada.searchIssuesPage(jql, { pageSize: 5 });
    expect(first.issues).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    expect(first.total).toBe(flavor === "cloud" ? null : all.length);
    const second = await ada.searchIssuesPage(jql, { pageSize: 5, cursor: first.nextCursor });
    expect(second.issues[0]?.key).toBe(all[5]?.key);
    expect(all.every((c) => c.parentKey === epic.key)).toBe(true);
  });

  it("edits, transitions, assigns and reads the changelog", async () => {
    const created = await ada.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: "Before" });
    await ada.editIssue(created.key, { summary: "After", description: ada.plainText("new text") });
    const transitions = await ada.getTransitions(created.key);
    const start = transitions.find((t) => t.to.name === "In Progress");
    if (!start) throw new Error("no transition to In Progress");
    await ada.transitionIssue(created.key, start.id);
    const cara = (await ada.searchUsers("cara"))[0];
    await ada.assignIssue(created.key, cara?.id ?? null);
    const read = await ada.getIssue(created.key, { expandChangelog: true });
    expect(read).toMatchObject({ summary: "After", status: { name: "In Progress", categoryKey: "indeterminate" }, assignee: { displayName: "Cara Coder" } });
    expect(read.changelog?.flatMap((h) => h.items.map((i) => i.field))).toEqual(expect.arrayContaining(["summary", "status", "assignee"]));
    await ada.assignIssue(created.key, null);
    expect((await ada.getIssue(created.key)).assignee).toBeNull();
  });

  it("refuses rich text of the other flavour before sending it", async () => {
    const wrong = flavor === "cloud" ? { kind: "wiki" as const, text: "*x*" } : { kind: "adf" as const, doc: { type: "doc" as const, version: 1, content: [] } };
    await expect(ada.editIssue("TETH-1", { description: wrong })).rejects.toMatchObject({ code: "VALIDATION", status: null });
  });

  it("keeps Jira's field errors on a refused transition", async () => {
    const [inReview] = await collect(ada.searchIssues('project = TETH AND status = "In Review"', { pageSize: 1 }));
    if (!inReview) throw new Error("no issue in review");
    const done = (await ada.getTransitions(inReview.key)).find((t) => t.to.name === "Done");
    const error = await ada.transitionIssue(inReview.key, done?.id ?? "").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", status: 400 });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain("resolution");
  });

  it("bulk-creates in chunks of 50 and bulk-fetches, reporting missing keys", async () => {
    const drafts = Array.from({ length: 60 }, (_, i) => ({ projectKey: "TETH", issueTypeId: storyTypeId, summary: `Bulk ${i}` }));
    drafts[55] = { projectKey: "TETH", issueTypeId: storyTypeId, summary: "" };
    sim.control.clearRequestLog();
    const result = await ada.createIssuesBulk(drafts);
    expect(sim.control.requestLog().filter((r) => r.path.endsWith("/issue/bulk"))).toHaveLength(2);
    expect(result.created).toHaveLength(59);
    expect(result.failed.map((f) => f.index)).toEqual([55]);
    // Index 56 sits in the second chunk, after the failed draft: its key must be the issue made from draft 56.
    const key56 = result.created.find((c) => c.index === 56)?.key ?? "";
    expect(key56).toMatch(/^TETH-\d+$/);
    expect(sim.control.issue(key56).summary).toBe("Bulk 56");
    const keys = [...result.created.map((c) => c.key), "TETH-99999"];
    const fetched = await ada.bulkFetch(keys, { fields: ["summary"] });
    expect(fetched.issues).toHaveLength(59);
    expect(fetched.missingKeys).toEqual(["TETH-99999"]);
    expect(fetched.issues.find((i) => i.key === result.created[0]?.key)?.summary).toBe("Bulk 0");
  });

  it("links issues, creates a sprint and moves issues into it, deletes an issue", async () => {
    const a = await ada.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: "A" });
    const b = await ada.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: "B" });
    await ada.createIssueLink({ typeName: "Blocks", outwardIssueKey: a.key, inwardIssueKey: b.key });
    const links = (await ada.getIssue(a.key, { fields: ["issuelinks"] })).fields.issuelinks;
    expect(JSON.stringify(links)).toContain(b.key);
    const [board] = await collect(ada.boardsForProject("TETH"));
    const sprint = await ada.createSprint({ boardId: board?.id ?? 0, name: "PI 7.1", goal: "Ship" });
    expect(sprint).toMatchObject({ name: "PI 7.1", state: "future", originBoardId: board?.id });
    await ada.moveIssuesToSprint(sprint.id, [a.key, b.key]);
    const sprintField = (await ada.fieldRoles()).sprint ?? "";
    expect(JSON.stringify((await ada.getIssue(a.key, { fields: [sprintField] })).fields[sprintField])).toContain("PI 7.1");
    await ada.deleteIssue(b.key);
    await expect(ada.getIssue(b.key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a user without Edit Issues gets Jira's screen errors; without Link Issues a FORBIDDEN naming it", async () => {
    const eve = clientFor(sim, "eve");
    // Like real Jira: no EDIT_ISSUES means an empty edit screen, so every field is "not on the screen".
    const editError = await eve.editIssue("TETH-1", { summary: "nope" }).catch((e: unknown) => e);
    expect(editError).toMatchObject({ code: "VALIDATION", status: 400 });
    expect(Object.keys((editError as { fieldErrors: object }).fieldErrors)).toEqual(["summary"]);
    const linkError = await eve.createIssueLink({ typeName: "Blocks", outwardIssueKey: "TETH-1", inwardIssueKey: "TETH-2" }).catch((e: unknown) => e);
    expect(linkError).toMatchObject({ code: "FORBIDDEN", status: 403, missingPermission: "LINK_ISSUES" });
  });
});

describe.each([
  { flavor: "cloud" as const, version: undefined, signed: true },
  { flavor: "datacenter" as const, version: 9 as const, signed: false },
  { flavor: "datacenter" as const, version: 10 as const, signed: true },
])("admin webhooks on $flavor $version", ({ flavor, version, signed }) => {
  it("registers, lists and deletes; a non-admin gets FORBIDDEN naming ADMINISTER", async () => {
    const sim = await startSim(flavor, version ? { version } : {});
    try {
      const ada = clientFor(sim, "ada");
      const hook = await ada.registerWebhook({
        name: "Tether workspace 1",
        url: "http://127.0.0.1:9/hooks/jira/ws1",
        events: ["jira:issue_created", "jira:issue_updated"],
        jql: "project = TETH",
        secret: "s3cret-for-hmac",
      });
      expect(hook).toMatchObject({ name: "Tether workspace 1", jql: "project = TETH", enabled: true, signed });
      expect((await ada.listWebhooks()).map((h) => h.id)).toEqual([hook.id]);
      const stored = [...sim.control.store.webhooks.values()][0];
      expect(stored?.secret ?? null).toBe(signed ? "s3cret-for-hmac" : null);
      await expect(clientFor(sim, "ben").listWebhooks()).rejects.toMatchObject({ code: "FORBIDDEN", missingPermission: "ADMINISTER" });
      await ada.deleteWebhook(hook.id);
      expect(await ada.listWebhooks()).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
