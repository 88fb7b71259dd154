import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, requireShared, skipWithoutShared } from "./testing/openapi-validator.ts";
import { authFor, json, SimClient, type SimResponse } from "./testing/sim-client.ts";

const directory = openApiDirectory();

/**
 * Every Cloud response for the endpoints Tether uses is validated against Atlassian's OpenAPI
 * documents; requests the sim accepts are validated against the request schemas too.
 */
describe.skipIf(skipWithoutShared(directory, OPENAPI_DOCUMENTS))("Cloud responses conform to the Jira OpenAPI documents", () => {
  let sim: JiraSim;
  let spec: JiraOpenApi;
  let client: SimClient;
  const problems: string[] = [];
  const undocumented = new Set<string>();

  function observe(method: string, path: string, requestBody: unknown, response: SimResponse): void {
    const where = `${method} ${path} → ${response.status}`;
    if (response.status >= 200 && response.status < 300) {
      const checked = spec.validateResponse(method, path, response.status, response.body);
      if (!checked.documented) undocumented.add(`${method} ${path.split("?")[0]}`);
      if (!checked.ok) problems.push(`${where} response:\n${checked.errors}`);
      if (requestBody !== undefined) {
        const request = spec.validateRequest(method, path, requestBody);
        if (!request.ok) problems.push(`${where} request body:\n${request.errors}`);
      }
    } else if (response.body !== null && path.startsWith("/rest/api/")) {
      const error = spec.validateErrorCollection(response.body);
      if (!error.ok) problems.push(`${where} error body:\n${error.errors}`);
    }
  }

  beforeAll(async () => {
    // Required (TETHER_REQUIRE_SHARED=1) but missing documents fail every test here.
    spec = new JiraOpenApi(requireShared(directory, OPENAPI_DOCUMENTS));
    sim = await startJiraSim({ flavor: "cloud" });
    client = new SimClient(sim, authFor(sim, "ada"), observe);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  /** Each test's own traffic: every answer valid and every route it used in the documents. */
  const expectConformant = () => {
    expect(problems, problems.join("\n\n")).toEqual([]);
    expect([...undocumented], "answered outside the OpenAPI documents").toEqual([]);
    problems.length = 0;
    undocumented.clear();
  };

  it("serves site metadata in the documented shapes", async () => {
    const paths = [
      "/rest/api/3/serverInfo",
      "/rest/api/3/myself",
      "/rest/api/3/mypermissions?projectKey=TETH&permissions=BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,TRANSITION_ISSUES,LINK_ISSUES,ASSIGN_ISSUES,ADMINISTER,MANAGE_SPRINTS_PERMISSION",
      "/rest/api/3/project",
      "/rest/api/3/project/search?maxResults=1",
      "/rest/api/3/project/TETH",
      "/rest/api/3/project/TETH/statuses",
      "/rest/api/3/issuetype",
      "/rest/api/3/field",
      "/rest/api/3/priority",
      "/rest/api/3/priority/search",
      "/rest/api/3/priority/search?startAt=1&maxResults=2&onlyDefault=false",
      "/rest/api/3/status",
      "/rest/api/3/statuscategory",
      "/rest/api/3/resolution",
      "/rest/api/3/issueLinkType",
      "/rest/api/3/user/search?query=ben",
      "/rest/api/3/user/assignable/search?project=TETH",
      "/rest/api/2/myself",
      "/rest/api/2/field",
    ];
    for (const path of paths) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
    }
    const accountId = json<{ accountId: string }>(await client.get("/rest/api/3/myself")).accountId;
    expect((await client.get(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`)).status).toBe(200);
    expectConformant();
  });

  it("creates, reads, edits, assigns, transitions and deletes issues in documented shapes", async () => {
    const create = await client.post("/rest/api/3/issue", {
      fields: {
        project: { key: "TETH" },
        issuetype: { name: "Story" },
        summary: "Conformance story",
        description: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "Hello" }] }] },
        labels: ["tether"],
        customfield_10016: 5,
        parent: { key: "TETH-1" },
      },
    });
    expect(create.status).toBe(201);
    const key = json<{ key: string }>(create).key;
    expect((await client.get(`/rest/api/3/issue/${key}`)).status).toBe(200);
    expect((await client.get(`/rest/api/3/issue/${key}?fields=summary,status&expand=changelog,names`)).status).toBe(200);
    expect((await client.get(`/rest/api/2/issue/${key}`)).status).toBe(200);
    expect((await client.put(`/rest/api/3/issue/${key}`, { fields: { summary: "Edited" }, update: { labels: [{ add: "more" }] } })).status).toBe(204);
    const ben = sim.control.users().find((user) => user.name === "ben");
    expect((await client.put(`/rest/api/3/issue/${key}/assignee`, { accountId: ben?.accountId })).status).toBe(204);
    expect((await client.get(`/rest/api/3/issue/${key}/transitions?expand=transitions.fields`)).status).toBe(200);
    expect((await client.post(`/rest/api/3/issue/${key}/transitions`, { transition: { id: "11" } })).status).toBe(204);
    expect((await client.get(`/rest/api/3/issue/${key}/changelog`)).status).toBe(200);
    const bulk = await client.post("/rest/api/3/issue/bulk", {
      issueUpdates: [
        { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Bulk one" } },
        { fields: { project: { key: "TETH" }, issuetype: { name: "Task" } } },
      ],
    });
    expect(bulk.status).toBe(201);
    expect(json<{ errors: unknown[] }>(bulk).errors).toHaveLength(1);
    const fetched = await client.post("/rest/api/3/issue/bulkfetch", { issueIdsOrKeys: [key, "TETH-2", "NOPE-1"], fields: ["summary", "status"] });
    expect(fetched.status).toBe(200);
    expect((await client.delete(`/rest/api/3/issue/${key}`)).status).toBe(204);
    expectConformant();
  });

  it("serves comments, links and properties in documented shapes", async () => {
    const added = await client.post("/rest/api/3/issue/TETH-3/comment", {
      body: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "A comment" }] }] },
    });
    expect(added.status).toBe(201);
    const commentId = json<{ id: string }>(added).id;
    expect((await client.get("/rest/api/3/issue/TETH-3/comment")).status).toBe(200);
    expect((await client.get(`/rest/api/3/issue/TETH-3/comment/${commentId}`)).status).toBe(200);
    expect((await client.put(`/rest/api/3/issue/TETH-3/comment/${commentId}`, { body: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "Edited" }] }] } })).status).toBe(200);
    expect((await client.delete(`/rest/api/3/issue/TETH-3/comment/${commentId}`)).status).toBe(204);
    expect((await client.post("/rest/api/3/issueLink", { type: { name: "Blocks" }, inwardIssue: { key: "TETH-3" }, outwardIssue: { key: "TETH-4" } })).status).toBe(201);
    expect((await client.get("/rest/api/3/issue/TETH-3?fields=issuelinks")).status).toBe(200);
    expect((await client.put("/rest/api/3/issue/TETH-3/properties/tether.link", { useCaseId: "uc-1" })).status).toBe(201);
    expect((await client.get("/rest/api/3/issue/TETH-3/properties")).status).toBe(200);
    expect((await client.get("/rest/api/3/issue/TETH-3/properties/tether.link")).status).toBe(200);
    expect((await client.delete("/rest/api/3/issue/TETH-3/properties/tether.link")).status).toBe(204);
    expectConformant();
  });

  it("serves JQL search pages in documented shapes", async () => {
    const first = await client.post("/rest/api/3/search/jql", { jql: "project = TETH ORDER BY key ASC", fields: ["summary", "status", "assignee"], maxResults: 10 });
    expect(first.status).toBe(200);
    const token = json<{ nextPageToken?: string }>(first).nextPageToken;
    expect(token).toBeTypeOf("string");
    expect((await client.post("/rest/api/3/search/jql", { jql: "project = TETH ORDER BY key ASC", fields: ["summary"], nextPageToken: token })).status).toBe(200);
    expect((await client.get("/rest/api/3/search/jql?jql=parent%20%3D%20TETH-1&fields=summary,parent")).status).toBe(200);
    expect((await client.get("/rest/api/3/search/jql?jql=project%20%3D%20TETH&fields=*all&expand=changelog&maxResults=3")).status).toBe(200);
    expectConformant();
  });

  it("serves reconciled searches, edit and create screens, and screen refusals in documented shapes", async () => {
    sim.control.setFaults({ searchIndexLagMs: 60_000 });
    const reconciled = await client.post("/rest/api/3/search/jql", { jql: "labels = conformance", fields: ["labels"], reconcileIssues: [10000, 10001] });
    sim.control.setFaults({ searchIndexLagMs: 0 });
    expect(reconciled.status).toBe(200);
    for (const path of [
      "/rest/api/3/issue/TETH-1/editmeta",
      "/rest/api/2/issue/TETH-1/editmeta",
      "/rest/api/3/issue/createmeta/TETH/issuetypes/10002",
      "/rest/api/3/issue/createmeta/TETH/issuetypes/10000?startAt=1&maxResults=3",
      "/rest/api/2/issue/createmeta/TETH/issuetypes/10001",
    ]) {
      expect((await client.get(path)).status, path).toBe(200);
    }
    const riskLevel = sim.control.store.catalog.customFieldIds.riskLevel;
    const refused = await client.put("/rest/api/3/issue/TETH-1", { fields: { [riskLevel]: null } });
    expect(refused.status).toBe(400);
    expectConformant();
  });

  it("serves boards, sprints and epics in documented shapes", async () => {
    expect((await client.get("/rest/agile/1.0/board?projectKeyOrId=TETH")).status).toBe(200);
    expect((await client.get("/rest/agile/1.0/board/1")).status).toBe(200);
    expect((await client.get("/rest/agile/1.0/board/1/sprint?state=active,future")).status).toBe(200);
    const sprint = await client.post("/rest/agile/1.0/sprint", { name: "Conformance sprint", originBoardId: 1, goal: "Prove it" });
    expect(sprint.status).toBe(201);
    const sprintId = json<{ id: number }>(sprint).id;
    expect((await client.get(`/rest/agile/1.0/sprint/${sprintId}`)).status).toBe(200);
    expect((await client.post(`/rest/agile/1.0/sprint/${sprintId}/issue`, { issues: ["TETH-2", "TETH-3"] })).status).toBe(204);
    expect((await client.get(`/rest/agile/1.0/sprint/${sprintId}/issue?fields=summary`)).status).toBe(200);
    expect((await client.post(`/rest/agile/1.0/sprint/${sprintId}`, { name: "Conformance renamed", startDate: "2026-03-02T09:00:00.000Z", endDate: "2026-03-16T17:00:00.000Z" })).status).toBe(200);
    expect((await client.put(`/rest/agile/1.0/sprint/${sprintId}`, { name: "Conformance started", state: "active", startDate: "2026-03-02T09:00:00.000Z", endDate: "2026-03-16T17:00:00.000Z", goal: "Prove it" })).status).toBe(200);
    expect((await client.delete(`/rest/agile/1.0/sprint/${sprintId}`)).status).toBe(204);
    expect((await client.get("/rest/agile/1.0/epic/TETH-1")).status).toBe(200);
    expect((await client.get("/rest/agile/1.0/epic/TETH-1/issue?maxResults=5")).status).toBe(200);
    expectConformant();
  });

  it("answers for a team-managed project (its own types, statuses, fields and workflow) in documented shapes", async () => {
    const project = json<{ id: string; simplified: boolean; style: string; issueTypes: { id: string; hierarchyLevel: number }[] }>(await client.get("/rest/api/3/project/NOVA"));
    expect([project.simplified, project.style]).toEqual([true, "next-gen"]);
    const epicType = project.issueTypes.find((type) => type.hierarchyLevel === 1);
    const storyType = project.issueTypes.find((type) => type.hierarchyLevel === 0);
    for (const path of [
      "/rest/api/3/project/NOVA/statuses",
      `/rest/api/3/issuetype/project?projectId=${project.id}`,
      `/rest/api/3/issuetype/project?projectId=${project.id}&level=1`,
      `/rest/api/3/issue/createmeta/NOVA/issuetypes/${epicType?.id ?? ""}`,
    ]) {
      expect((await client.get(path)).status, path).toBe(200);
    }
    const points = json<{ id: string; name: string; scope?: { project: { id: string } } }[]>(await client.get("/rest/api/3/field")).find((field) => field.name === "Story point estimate" && field.scope?.project.id === project.id);
    const epic = await client.post("/rest/api/3/issue", { fields: { project: { key: "NOVA" }, issuetype: { id: epicType?.id }, summary: "Team-managed epic" } });
    expect(epic.status, epic.text).toBe(201);
    const child = await client.post("/rest/api/3/issue", { fields: { project: { key: "NOVA" }, issuetype: { id: storyType?.id }, summary: "Child", parent: { key: json<{ key: string }>(epic).key }, [points?.id ?? "missing"]: 3 } });
    expect(child.status, child.text).toBe(201);
    const key = json<{ key: string }>(child).key;
    const transitions = json<{ transitions: { id: string; to: { name: string } }[] }>(await client.get(`/rest/api/3/issue/${key}/transitions`)).transitions;
    const done = transitions.find((transition) => transition.to.name === "Done");
    expect((await client.post(`/rest/api/3/issue/${key}/transitions`, { transition: { id: done?.id } })).status).toBe(204);
    expectConformant();
  });

  it("answers rejected requests with Jira's error bodies and statuses", async () => {
    const cases: [string, string, unknown, number][] = [
      ["POST", "/rest/api/3/issue/TETH-2/transitions", { transition: "11" }, 400],
      ["POST", "/rest/api/3/issue/TETH-2/transitions", { fields: {} }, 400],
      ["POST", "/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "x", description: "plain text is not ADF" } }, 400],
      ["PUT", "/rest/api/3/issue/TETH-2", { fields: { status: { name: "Done" } } }, 400],
      ["GET", "/rest/api/3/issue/NOPE-1", undefined, 404],
      ["GET", "/rest/api/3/definitely/not/a/route", undefined, 404],
      ["GET", "/rest/api/3/mypermissions", undefined, 400],
      ["GET", "/rest/api/3/search?jql=project%3DTETH", undefined, 410],
      ["POST", "/rest/api/3/search/jql", { jql: "order by key" }, 400],
      ["POST", "/rest/api/3/search/jql", { jql: "project = TETH", startAt: 5 }, 400],
      ["POST", "/rest/api/3/search/jql", { jql: "project = = TETH" }, 400],
      ["POST", "/rest/api/3/issue/bulkfetch", { issueIdsOrKeys: [] }, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await client.request(method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(json<{ errorMessages: string[] }>(response).errorMessages, path).toBeInstanceOf(Array);
    }
    const malformed = await client.request("POST", "/rest/api/3/issue", "{ not json");
    expect(malformed.status).toBe(400);
    const wrongMethod = await client.request("PATCH", "/rest/api/3/issue/TETH-2");
    expect(wrongMethod.status).toBe(405);
    const deleteSearch = await client.request("DELETE", "/rest/api/3/search/jql");
    expect(deleteSearch.status).toBe(405);
    expectConformant();
  });
});
