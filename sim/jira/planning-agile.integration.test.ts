import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, skipWithoutShared } from "./testing/openapi-validator.ts";
import { authFor, json, SimClient, type SimResponse } from "./testing/sim-client.ts";

type Page<T> = { values: T[] };
type Board = { id: number; name: string };
type Sprint = { id: number; name: string; state: string };
type Configuration = { estimation: { field: { fieldId: string } } };
const directory = openApiDirectory();
const hasSpec = !skipWithoutShared(directory, OPENAPI_DOCUMENTS);

/** What a PI-planning board asks of Jira's Agile API and issue links, on both flavours. */
describe.each(["cloud", "datacenter"] as const)("planning on the %s simulator", (flavor) => {
  let sim: JiraSim;
  let ada: SimClient;
  let eve: SimClient;
  const problems: string[] = [];
  let spec: JiraOpenApi | null = null;
  const observe = (method: string, path: string, body: unknown, response: SimResponse) => {
    if (!spec || response.status >= 300) return;
    const checked = spec.validateResponse(method, path, response.status, response.body);
    if (!checked.ok) problems.push(`${method} ${path}: ${checked.errors}`);
    if (body !== undefined) {
      const request = spec.validateRequest(method, path, body);
      if (!request.ok) problems.push(`${method} ${path} request: ${request.errors}`);
    }
  };
  const linkType = flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";

  beforeAll(async () => {
    sim = await startJiraSim({ flavor });
    if (flavor === "cloud" && hasSpec && directory) spec = new JiraOpenApi(directory);
    ada = new SimClient(sim, authFor(sim, "ada"), observe);
    eve = ada.as(authFor(sim, "eve"));
  });
  afterAll(() => sim.stop());

  const board = async () => json<Page<Board>>(await ada.get("/rest/agile/1.0/board?projectKeyOrId=TETH")).values[0]!;
  const sprints = async (boardId: number) => json<Page<Sprint>>(await ada.get(`/rest/agile/1.0/board/${boardId}/sprint`)).values;
  const storyKey = () => sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "Planned story" }).key;

  it("lists boards and says which field estimates (story points)", async () => {
    const found = await board();
    const config = json<Configuration>(await ada.get(`/rest/agile/1.0/board/${found.id}/configuration`));
    const fields = json<Array<{ id: string; name: string }>>(await ada.get(`${linkType}/field`));
    expect(fields.find((field) => field.id === config.estimation.field.fieldId)?.name).toMatch(/story point/i);
    expect((await ada.get("/rest/agile/1.0/board/999999/configuration")).status).toBe(404);
  });

  it("creates sprints only with Manage Sprints", async () => {
    const found = await board();
    const created = await ada.post("/rest/agile/1.0/sprint", { name: "PI 1 Sprint 1", originBoardId: found.id, startDate: "2026-01-05T09:00:00.000Z", endDate: "2026-01-19T17:00:00.000Z" });
    expect(created.status).toBe(201);
    expect(json<Sprint>(created)).toMatchObject({ name: "PI 1 Sprint 1", state: "future" });
    const refused = await eve.post("/rest/agile/1.0/sprint", { name: "Nope", originBoardId: found.id });
    expect(refused.status).toBe(403);
  });

  it("moves issues into a sprint and back to the backlog, at most 50 per call, never into a closed sprint", async () => {
    const found = await board();
    const all = await sprints(found.id);
    const future = all.find((sprint) => sprint.state === "future")!;
    const closed = all.find((sprint) => sprint.state === "closed")!;
    const key = storyKey();
    expect((await ada.post(`/rest/agile/1.0/sprint/${future.id}/issue`, { issues: [key] })).status).toBe(204);
    expect(sim.control.issue(key).sprintIds).toEqual([future.id]);
    expect((await ada.post(`/rest/agile/1.0/sprint/${closed.id}/issue`, { issues: [key] })).status).toBe(400);
    expect(sim.control.issue(key).sprintIds).toEqual([future.id]);
    const tooMany = Array.from({ length: 51 }, () => key);
    expect((await ada.post(`/rest/agile/1.0/sprint/${future.id}/issue`, { issues: tooMany })).status).toBe(400);
    expect((await ada.post("/rest/agile/1.0/backlog/issue", { issues: tooMany })).status).toBe(400);
    expect((await ada.post("/rest/agile/1.0/backlog/issue", { issues: [key] })).status).toBe(204);
    expect(sim.control.issue(key).sprintIds).toEqual([]);
    expect((await eve.post("/rest/agile/1.0/backlog/issue", { issues: [key] })).status).toBe(403);
  });

  it("a sprint move is an issue update with a Sprint change, delivered like any other", async () => {
    const found = await board();
    const future = (await sprints(found.id)).find((sprint) => sprint.state === "future")!;
    const key = storyKey();
    const before = sim.control.webhookEvents().length;
    await ada.post(`/rest/agile/1.0/sprint/${future.id}/issue`, { issues: [key] });
    const events = sim.control.webhookEvents().slice(before);
    expect(events.some((event) => event.webhookEvent === "jira:issue_updated" && event.changelog?.items.some((item) => item.field === "Sprint"))).toBe(true);
  });

  it("links issues by link type, refuses unknown types and removes links", async () => {
    const types = json<{ issueLinkTypes: Array<{ name: string }> }>(await ada.get(`${linkType}/issueLinkType`)).issueLinkTypes;
    expect(types.map((type) => type.name)).toContain("Blocks");
    const [blocker, blocked] = [storyKey(), storyKey()];
    const unknown = await ada.post(`${linkType}/issueLink`, { type: { name: "Haunts" }, inwardIssue: { key: blocked }, outwardIssue: { key: blocker } });
    expect(unknown.status).toBe(404);
    expect(sim.control.issue(blocker).key).toBe(blocker);
    const created = await ada.post(`${linkType}/issueLink`, { type: { name: "Blocks" }, inwardIssue: { key: blocked }, outwardIssue: { key: blocker } });
    expect(created.status).toBe(201);
    const issue = json<{ fields: { issuelinks: Array<{ id: string; inwardIssue?: { key: string } }> } }>(await ada.get(`${linkType}/issue/${blocker}?fields=issuelinks`));
    const link = issue.fields.issuelinks.find((candidate) => candidate.inwardIssue?.key === blocked);
    expect(link).toBeDefined();
    expect((await ada.delete(`${linkType}/issueLink/${link!.id}`)).status).toBe(204);
    expect((await ada.get(`${linkType}/issueLink/${link!.id}`)).status).toBe(404);
  });

  it("reports View Read-Only Workflow in my permissions", async () => {
    const answer = json<{ permissions: Record<string, { havePermission: boolean }> }>(await ada.get(`${linkType}/mypermissions?projectKey=TETH&permissions=VIEW_READONLY_WORKFLOW`));
    expect(answer.permissions.VIEW_READONLY_WORKFLOW?.havePermission).toBe(true);
  });

  it("answers in the documented shapes (Cloud)", () => {
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
