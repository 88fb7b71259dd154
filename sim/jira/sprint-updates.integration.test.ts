import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, skipWithoutShared } from "./testing/openapi-validator.ts";
import { authFor, json, SimClient, type SimResponse } from "./testing/sim-client.ts";

type Sprint = { id: number; name: string; state: string; goal?: string; startDate?: string; endDate?: string; completeDate?: string; originBoardId: number };
type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };
const directory = openApiDirectory();
const hasSpec = !skipWithoutShared(directory, OPENAPI_DOCUMENTS);
const start = "2026-03-02T09:00:00.000Z";
const end = "2026-03-16T17:00:00.000Z";

/** Jira's Agile sprint update and delete (`PUT`/`POST`/`DELETE /rest/agile/1.0/sprint/{id}`), both flavours. */
describe.each(["cloud", "datacenter"] as const)("sprint updates on the %s simulator", (flavor) => {
  let sim: JiraSim;
  let ada: SimClient;
  let eve: SimClient;
  let boardId = 0;
  const problems: string[] = [];
  let spec: JiraOpenApi | null = null;
  const observe = (method: string, path: string, body: unknown, response: SimResponse) => {
    if (!spec || response.status >= 300) return;
    const checked = spec.validateResponse(method, path, response.status, response.body);
    if (!checked.documented) problems.push(`${method} ${path}: undocumented`);
    if (!checked.ok) problems.push(`${method} ${path}: ${checked.errors}`);
    if (body !== undefined) {
      const request = spec.validateRequest(method, path, body);
      if (!request.ok) problems.push(`${method} ${path} request: ${request.errors}`);
    }
  };

  beforeAll(async () => {
    sim = await startJiraSim({ flavor });
    if (flavor === "cloud" && hasSpec && directory) spec = new JiraOpenApi(directory);
    ada = new SimClient(sim, authFor(sim, "ada"), observe);
    eve = ada.as(authFor(sim, "eve"));
    boardId = json<{ values: Array<{ id: number }> }>(await ada.get("/rest/agile/1.0/board?projectKeyOrId=TETH")).values[0]!.id;
  });
  afterAll(() => sim.stop());

  const newSprint = async (body: Record<string, unknown> = {}) => json<Sprint>(await ada.post("/rest/agile/1.0/sprint", { name: "Planned", originBoardId: boardId, ...body }));
  const storyIn = async (sprintId: number) => {
    const key = sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "In a sprint" }).key;
    expect((await ada.post(`/rest/agile/1.0/sprint/${sprintId}/issue`, { issues: [key] })).status).toBe(204);
    return key;
  };

  it("renames, re-dates and sets the goal with a partial update; a full update clears what it omits", async () => {
    const sprint = await newSprint({ goal: "First goal", startDate: start, endDate: end });
    const renamed = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { name: "Renamed", goal: "Second goal" });
    expect(renamed.status).toBe(200);
    expect(json<Sprint>(renamed)).toMatchObject({ id: sprint.id, name: "Renamed", goal: "Second goal", state: "future", startDate: start, endDate: end });
    const full = await ada.put(`/rest/agile/1.0/sprint/${sprint.id}`, { name: "Fully updated" });
    expect(full.status).toBe(200);
    const after = json<Sprint>(full);
    expect(after).toMatchObject({ name: "Fully updated", goal: "", state: "future" });
    expect(after.startDate).toBeUndefined();
    expect(after.endDate).toBeUndefined();
    const noName = await ada.put(`/rest/agile/1.0/sprint/${sprint.id}`, { goal: "x" });
    expect(noName.status).toBe(400);
    expect(json<ErrorBody>(noName).errors.name).toBeTruthy();
  });

  it("starts a future sprint only with dates, completes an active one, and then refuses every update", async () => {
    const sprint = await newSprint();
    const undated = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: "active" });
    expect(undated.status).toBe(400);
    expect(json<ErrorBody>(undated).errorMessages[0]).toMatch(/start date and an end date/);
    expect(sim.control.store.sprints.get(sprint.id)?.state).toBe("future");
    expect((await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: "closed" })).status).toBe(400);
    const started = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: "active", startDate: start, endDate: end });
    expect(started.status).toBe(200);
    expect(json<Sprint>(started).state).toBe("active");
    expect((await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: "future" })).status).toBe(400);
    const key = await storyIn(sprint.id);
    const closed = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: "closed" });
    expect(closed.status).toBe(200);
    expect(json<Sprint>(closed)).toMatchObject({ state: "closed" });
    expect(json<Sprint>(closed).completeDate).toBeTruthy();
    // The closed sprint stays in the issue's history; the issue has no open sprint (the backlog).
    expect(sim.control.issue(key).sprintIds).toEqual([sprint.id]);
    const again = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { name: "Too late" });
    expect(again.status).toBe(400);
    expect(json<ErrorBody>(again).errorMessages[0]).toMatch(/closed/);
  });

  it("refuses without Manage Sprints (403), answers 404 for an unknown sprint, 400 for a bad date", async () => {
    const sprint = await newSprint();
    expect((await eve.post(`/rest/agile/1.0/sprint/${sprint.id}`, { name: "Not mine" })).status).toBe(403);
    expect((await eve.delete(`/rest/agile/1.0/sprint/${sprint.id}`)).status).toBe(403);
    expect(sim.control.store.sprints.get(sprint.id)?.name).toBe("Planned");
    expect((await ada.post("/rest/agile/1.0/sprint/999999", { name: "Ghost" })).status).toBe(404);
    expect((await ada.delete("/rest/agile/1.0/sprint/999999")).status).toBe(404);
    const badDate = await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { startDate: "next tuesday" });
    expect(badDate.status).toBe(400);
    expect(json<ErrorBody>(badDate).errors.startDate).toMatch(/Invalid date/);
    expect((await ada.post(`/rest/agile/1.0/sprint/${sprint.id}`, { startDate: end, endDate: start })).status).toBe(400);
  });

  it("deletes a sprint and moves its open issues to the backlog, with a Sprint change on each", async () => {
    const sprint = await newSprint({ startDate: start, endDate: end });
    const key = await storyIn(sprint.id);
    const before = sim.control.webhookEvents().length;
    expect((await ada.delete(`/rest/agile/1.0/sprint/${sprint.id}`)).status).toBe(204);
    expect((await ada.get(`/rest/agile/1.0/sprint/${sprint.id}`)).status).toBe(404);
    expect(sim.control.issue(key).sprintIds).toEqual([]);
    const updates = sim.control.webhookEvents().slice(before);
    expect(updates.some((event) => event.jqlView.key === key && event.changelog?.items.some((item) => item.field === "Sprint" && item.to === null))).toBe(true);
  });

  it("answers in the documented shapes (Cloud)", () => {
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
