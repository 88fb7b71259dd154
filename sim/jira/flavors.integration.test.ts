import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };
type Field = { id: string; name: string; schema?: { custom?: string } };
type IssueJson = { key: string; fields: Record<string, unknown> };

describe("Cloud specifics", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"));
  });
  afterAll(() => sim.stop());

  it("has removed /search (410) and answers /search/jql without a total", async () => {
    for (const path of ["/rest/api/2/search?jql=project%3DTETH", "/rest/api/3/search?jql=project%3DTETH"]) {
      expect((await ada.get(path)).status).toBe(410);
    }
    expect((await ada.post("/rest/api/2/search", { jql: "project = TETH" })).status).toBe(410);
    const page = json(await ada.get("/rest/api/3/search/jql?jql=project%3DTETH&fields=summary"));
    expect(page).toHaveProperty("isLast");
    expect(page).not.toHaveProperty("total");
  });

  it("returns only ids from /search/jql unless fields are asked for", async () => {
    const page = json<{ issues: Record<string, unknown>[] }>(await ada.get("/rest/api/3/search/jql?jql=project%3DTETH&maxResults=2"));
    expect(page.issues[0]).toHaveProperty("id");
    expect(page.issues[0]).not.toHaveProperty("fields");
  });

  it("renders rich text as ADF on v3 and as a string on v2, from one stored value", async () => {
    const created = json<{ key: string }>(await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Rich", description: "First paragraph\n\nSecond" } }));
    const v3 = json<IssueJson>(await ada.get(`/rest/api/3/issue/${created.key}?fields=description`));
    expect(v3.fields.description).toEqual({
      type: "doc",
      version: 1,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First paragraph" }] },
        { type: "paragraph", content: [{ type: "text", text: "Second" }] },
      ],
    });
    const v2 = json<IssueJson>(await ada.get(`/rest/api/2/issue/${created.key}?fields=description`));
    expect(v2.fields.description).toBe("First paragraph\n\nSecond");
    const rejected = await ada.put(`/rest/api/3/issue/${created.key}`, { fields: { description: "a string on v3" } });
    expect(rejected.status).toBe(400);
    expect(json<ErrorBody>(rejected).errors.description).toMatch(/Atlassian Document/);
  });

  it("identifies users by accountId and hides emails of users who hide them", async () => {
    const users = json<Record<string, unknown>[]>(await ada.get("/rest/api/3/user/search?query=b"));
    const ben = users.find((user) => user.displayName === "Ben Builder");
    expect(ben?.accountId).toMatch(/^712020:/);
    expect(ben).not.toHaveProperty("emailAddress");
    expect(ben).not.toHaveProperty("name");
    const byExactEmail = json<unknown[]>(await ada.get("/rest/api/3/user/search?query=ben%40tether.example"));
    expect(byExactEmail).toHaveLength(1);
  });

  it("links epic children through parent, with the epic at hierarchy level 1", async () => {
    const types = json<{ name: string; hierarchyLevel: number; subtask: boolean }[]>(await ada.get("/rest/api/3/issuetype"));
    expect(types.find((type) => type.name === "Epic")?.hierarchyLevel).toBe(1);
    expect(types.find((type) => type.subtask)?.hierarchyLevel).toBe(-1);
    const child = json<{ key: string }>(await ada.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "Child", parent: { key: "TETH-1" } } }));
    const search = json<{ issues: IssueJson[] }>(await ada.post("/rest/api/3/search/jql", { jql: "parent = TETH-1", fields: ["parent"], maxResults: 100 }));
    expect(search.issues.map((issue) => issue.key)).toContain(child.key);
    expect(search.issues.every((issue) => (issue.fields.parent as { key: string }).key === "TETH-1")).toBe(true);
    const fields = json<Field[]>(await ada.get("/rest/api/3/field"));
    expect(fields.some((field) => field.schema?.custom === "com.pyxis.greenhopper.jira:gh-epic-link")).toBe(false);
    const wrongParent = await ada.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "x", parent: { key: child.key } } });
    expect(wrongParent.status).toBe(400);
  });

  it("enforces bulk limits: 50 issues per create, 100 per fetch", async () => {
    const issueUpdates = Array.from({ length: 51 }, (_, index) => ({ fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: `Bulk ${index}` } }));
    expect((await ada.post("/rest/api/3/issue/bulk", { issueUpdates })).status).toBe(400);
    const issueIdsOrKeys = Array.from({ length: 101 }, (_, index) => `TETH-${index + 1}`);
    expect((await ada.post("/rest/api/3/issue/bulkfetch", { issueIdsOrKeys })).status).toBe(400);
  });

  it("reports itself as Cloud", async () => {
    expect(json(await ada.get("/rest/api/3/serverInfo"))).toMatchObject({ deploymentType: "Cloud" });
  });
});

describe("Data Center specifics", () => {
  let sim: JiraSim;
  let ada: SimClient;
  let fields: Field[];
  const fieldId = (custom: string) => fields.find((field) => field.schema?.custom === custom)?.id ?? "missing";
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    fields = json<Field[]>(await ada.get("/rest/api/2/field"));
  });
  afterAll(() => sim.stop());

  it("answers REST v2 only", async () => {
    expect((await ada.get("/rest/api/3/myself")).status).toBe(404);
    expect((await ada.get("/rest/api/2/search/jql?jql=project%3DTETH")).status).toBe(404);
    expect(json(await ada.get("/rest/api/2/serverInfo"))).toMatchObject({ deploymentType: "Server", versionNumbers: [9, 12, 5] });
  });

  it("searches with startAt/maxResults/total", async () => {
    const page = json<{ startAt: number; maxResults: number; total: number; issues: unknown[] }>(await ada.post("/rest/api/2/search", { jql: "project = TETH", startAt: 5, maxResults: 10, fields: ["summary"] }));
    expect(page).toMatchObject({ startAt: 5, maxResults: 10 });
    expect(page.total).toBeGreaterThan(50);
    expect(page.issues).toHaveLength(10);
  });

  it("requires Epic Name when creating an Epic", async () => {
    const epicName = fieldId("com.pyxis.greenhopper.jira:gh-epic-label");
    const missing = await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Epic" }, summary: "New epic" } });
    expect(missing.status).toBe(400);
    expect(json<ErrorBody>(missing).errors[epicName]).toBe("Epic Name is required.");
    const created = await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Epic" }, summary: "New epic", [epicName]: "New epic" } });
    expect(created.status).toBe(201);
  });

  it("links epic children through the Epic Link custom field, not parent", async () => {
    const epicLink = fieldId("com.pyxis.greenhopper.jira:gh-epic-link");
    expect(epicLink).toMatch(/^customfield_/);
    const viaParent = await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "x", parent: { key: "TETH-1" } } });
    expect(viaParent.status).toBe(400);
    const child = json<{ key: string }>(await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "Linked child", [epicLink]: "TETH-1" } }));
    const issue = json<IssueJson>(await ada.get(`/rest/api/2/issue/${child.key}`));
    expect(issue.fields[epicLink]).toBe("TETH-1");
    expect(issue.fields).not.toHaveProperty("parent");
    const search = json<{ issues: { key: string }[] }>(await ada.get(`/rest/api/2/search?jql=${encodeURIComponent('"Epic Link" = TETH-1')}&maxResults=100`));
    expect(search.issues.map((found) => found.key)).toContain(child.key);
    const agile = json<{ issues: { key: string }[]; total: number }>(await ada.get("/rest/agile/1.0/epic/TETH-1/issue?maxResults=100"));
    expect(agile.issues.map((found) => found.key)).toContain(child.key);
  });

  it("accepts cf[NNNNN] clause names for custom fields, as listed in the field's clauseNames", async () => {
    const epicLink = fields.find((field) => field.schema?.custom === "com.pyxis.greenhopper.jira:gh-epic-link") as (Field & { clauseNames: string[] }) | undefined;
    const clause = epicLink?.clauseNames.find((name) => name.startsWith("cf["));
    expect(clause).toBe(`cf[${epicLink?.id.replace("customfield_", "")}]`);
    const search = async (jql: string) => {
      const response = await ada.post("/rest/api/2/search", { jql, maxResults: 100, fields: ["summary"] });
      expect(response.status, `${jql}: ${response.text}`).toBe(200);
      const page = json<{ total: number; issues: { key: string }[] }>(response);
      return { total: page.total, keys: page.issues.map((issue) => issue.key) };
    };
    const byName = await search('"Epic Link" = TETH-1 ORDER BY key ASC');
    expect(byName.total).toBeGreaterThan(5);
    expect(await search(`${clause ?? ""} = TETH-1 ORDER BY key ASC`)).toEqual(byName);
    expect(await search(`${clause ?? ""} in (TETH-1) ORDER BY key ASC`)).toEqual(byName);
    const unknown = await ada.post("/rest/api/2/search", { jql: "cf[99999] = TETH-1" });
    expect(unknown.status).toBe(400);
    expect(json<ErrorBody>(unknown).errorMessages).toEqual(["Field 'cf[99999]' does not exist or you do not have permission to view it."]);
  });

  it("renders users by name/key, issue types without hierarchy level, sprints as Java strings", async () => {
    const issue = json<IssueJson>(await ada.get("/rest/api/2/issue/TETH-2"));
    // Data Center names users by username and key, never by accountId.
    expect(issue.fields.assignee).toEqual(expect.objectContaining({ name: expect.any(String), key: expect.any(String) }));
    expect(issue.fields.assignee).not.toHaveProperty("accountId");
    expect(issue.fields.issuetype).not.toHaveProperty("hierarchyLevel");
    const sprintField = fieldId("com.pyxis.greenhopper.jira:gh-sprint");
    const withSprint = json<{ issues: IssueJson[] }>(await ada.get(`/rest/api/2/search?jql=project%3DTETH&fields=${sprintField}&maxResults=100`)).issues.find((found) => Array.isArray(found.fields[sprintField]));
    expect((withSprint?.fields[sprintField] as string[])[0]).toMatch(/^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@\w+\[id=\d+,/);
  });

  it("keeps webhook admin at /rest/webhooks/1.0 on 9 and moves it to /rest/jira-webhook/1.0 on 10", async () => {
    expect((await ada.get("/rest/webhooks/1.0/webhook")).status).toBe(200);
    const dc10 = await startJiraSim({ flavor: "datacenter", version: 10 });
    try {
      const admin = new SimClient(dc10, authFor(dc10, "ada"));
      expect((await admin.get("/rest/webhooks/1.0/webhook")).status).toBe(404);
      expect((await admin.get("/rest/jira-webhook/1.0/webhooks")).status).toBe(200);
      expect(json(await admin.get("/rest/api/2/serverInfo"))).toMatchObject({ versionNumbers: [10, 3, 1] });
    } finally {
      await dc10.stop();
    }
  });
});
