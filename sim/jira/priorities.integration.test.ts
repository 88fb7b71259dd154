import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, requireShared, skipWithoutShared } from "./testing/openapi-validator.ts";
import { authFor, json, SimClient, type SimResponse } from "./testing/sim-client.ts";

type Priority = { id: string; name: string; isDefault?: boolean; self: string; statusColor: string };
type PriorityPage = { startAt: number; maxResults: number; total: number; isLast: boolean; values: Priority[] };

const directory = openApiDirectory();
const skipConformance = skipWithoutShared(directory, OPENAPI_DOCUMENTS);

describe("Cloud priority/search (paged priorities)", () => {
  let sim: JiraSim;
  let ada: SimClient;
  const spec = directory ? new JiraOpenApi(directory) : null;
  const problems: string[] = [];

  // Every 200 is checked against PageBeanPriority when the OpenAPI documents are at hand.
  function conform(method: string, path: string, _body: unknown, response: SimResponse): void {
    if (!spec || response.status !== 200) return;
    const checked = spec.validateResponse(method, path, response.status, response.body);
    if (!checked.documented) problems.push(`${path}: not in the OpenAPI document`);
    if (!checked.ok) problems.push(`${path}:\n${checked.errors}`);
  }

  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"), conform);
  });
  afterAll(() => sim.stop());

  const page = async (path: string): Promise<PriorityPage> => {
    const response = await ada.get(path);
    expect(response.status, path).toBe(200);
    return json<PriorityPage>(response);
  };

  it("lists every priority on one page by default, with the default flagged, on v3 and v2", async () => {
    for (const base of ["/rest/api/3", "/rest/api/2"]) {
      const all = await page(`${base}/priority/search`);
      expect(all).toMatchObject({ startAt: 0, maxResults: 50, total: 5, isLast: true });
      expect(all.values.map((priority) => priority.name)).toEqual(["Highest", "High", "Medium", "Low", "Lowest"]);
      expect(all.values.filter((priority) => priority.isDefault).map((priority) => priority.name)).toEqual(["Medium"]);
      expect(all.values[0]?.self).toBe(`${sim.url}${base}/priority/1`);
    }
  });

  it("pages with startAt/maxResults and caps the page size", async () => {
    const first = await page("/rest/api/3/priority/search?maxResults=2");
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, total: 5, isLast: false });
    const last = await page("/rest/api/3/priority/search?startAt=4&maxResults=2");
    expect(last).toMatchObject({ startAt: 4, total: 5, isLast: true });
    expect(last.values.map((priority) => priority.name)).toEqual(["Lowest"]);
    const collected: string[] = [];
    for (let startAt = 0, isLast = false; !isLast; ) {
      const next = await page(`/rest/api/3/priority/search?startAt=${startAt}&maxResults=2`);
      collected.push(...next.values.map((priority) => priority.id));
      startAt += next.values.length;
      isLast = next.isLast;
    }
    expect(collected).toEqual(["1", "2", "3", "4", "5"]);
    expect((await page("/rest/api/3/priority/search?maxResults=1000")).maxResults).toBe(50);
  });

  it("filters by id (unknown ids ignored), by name and to the default only", async () => {
    expect((await page("/rest/api/3/priority/search?id=2&id=4&id=999")).values.map((priority) => priority.name)).toEqual(["High", "Low"]);
    expect((await page("/rest/api/3/priority/search?priorityName=high")).values.map((priority) => priority.name)).toEqual(["Highest", "High"]);
    expect(await page("/rest/api/3/priority/search?onlyDefault=true")).toMatchObject({ total: 1, values: [{ name: "Medium", isDefault: true }] });
    expect((await page("/rest/api/3/priority/search?projectId=10000&projectId=99999")).total).toBe(5);
  });

  it("answers bad parameters with 400 and anonymous callers with 401", async () => {
    expect((await ada.get("/rest/api/3/priority/search?maxResults=many")).status).toBe(400);
    expect((await ada.get("/rest/api/3/priority/search?onlyDefault=yes")).status).toBe(400);
    expect((await ada.as(null).get("/rest/api/3/priority/search")).status).toBe(401);
  });

  it.skipIf(skipConformance)("answered every page in the documented PageBeanPriority shape", async () => {
    // Fails when the documents are required (TETHER_REQUIRE_SHARED=1) but missing: conform() checked nothing.
    const documents = spec ?? new JiraOpenApi(requireShared(directory, OPENAPI_DOCUMENTS));
    expect((await ada.get("/rest/api/3/priority/search?maxResults=0")).status).toBe(200);
    expect(documents.validateResponse("GET", "/rest/api/3/priority/search", 200, { values: [{ id: 3 }] }).ok).toBe(false);
    expect(problems, problems.join("\n\n")).toEqual([]);
  });
});

describe("Data Center priorities", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter" });
    ada = new SimClient(sim, authFor(sim, "ada"));
  });
  afterAll(() => sim.stop());

  it("serves the plain list and has no priority/search", async () => {
    const list = await ada.get("/rest/api/2/priority");
    expect(list.status).toBe(200);
    expect(json<Priority[]>(list).map((priority) => priority.name)).toContain("Major");
    expect(json<Priority[]>(list)[0]).not.toHaveProperty("isDefault");
    const search = await ada.get("/rest/api/2/priority/search");
    expect(search.status).toBe(404);
    expect(json<{ errorMessages: string[] }>(search).errorMessages).toHaveLength(1);
  });
});
