import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { defaultFaults } from "./options.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

describe("fault injection", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"));
  });
  afterEach(() => {
    sim.control.setFaults(defaultFaults());
  });
  afterAll(() => sim.stop());

  it("is off by default", async () => {
    expect(sim.control.faults()).toEqual(defaultFaults());
    for (let index = 0; index < 30; index++) expect((await ada.put("/rest/api/3/issue/TETH-2", { fields: { summary: `quiet ${index}` } })).status).toBe(204);
  });

  it("answers 429 with Retry-After and Jira's rate-limit headers", async () => {
    sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await ada.get("/rest/api/3/issue/TETH-2");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("ratelimit-reason")).toBe("jira-quota-tenant-based");
    expect(response.headers.get("x-ratelimit-limit")).toBeTruthy();
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-reset")).toMatch(/^\d{4}-/);
  });

  it("can answer 429 without Retry-After, as Jira sometimes does", async () => {
    sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: null });
    const response = await ada.get("/rest/api/3/issue/TETH-2");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("limits writes per issue (jira-per-issue-on-write) without affecting other issues", async () => {
    sim.control.setFaults({ perIssueWriteLimit: { enabled: true, max: 3, windowMs: 2000 } });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await ada.put("/rest/api/3/issue/TETH-3", { fields: { summary: `burst ${index}` } })).status);
    expect(statuses).toEqual([204, 204, 204, 429, 429]);
    const limited = await ada.put("/rest/api/3/issue/TETH-3", { fields: { summary: "again" } });
    expect(limited.headers.get("ratelimit-reason")).toBe("jira-per-issue-on-write");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await ada.put("/rest/api/3/issue/TETH-4", { fields: { summary: "other issue" } })).status).toBe(204);
    expect((await ada.get("/rest/api/3/issue/TETH-3")).status).toBe(200);
  });

  it("applies burst limits per method class", async () => {
    sim.control.setFaults({ burstLimit: { enabled: true, putDeletePerSecond: 2, getPostPerSecond: 1000 } });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) statuses.push((await ada.put("/rest/api/3/issue/TETH-5", { fields: { summary: `b ${index}` } })).status);
    expect(statuses).toEqual([204, 204, 429]);
    expect((await ada.get("/rest/api/3/issue/TETH-5")).status).toBe(200);
  });

  it("injects 5xx before anything is written", async () => {
    sim.control.setFaults({ errorRate: 1, errorStatus: 503 });
    const before = sim.control.issueCount();
    const response = await ada.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "never" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(sim.control.issueCount()).toBe(before);
  });

  it("commits a write and then resets the connection", async () => {
    sim.control.setFaults({ resetAfterWriteRate: 1 });
    const before = sim.control.issueCount();
    const outcome = await new Promise<string>((resolve) => {
      const body = JSON.stringify({ fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Committed but unseen" } });
      const request = httpRequest(`${sim.url}/rest/api/3/issue`, { method: "POST", headers: { authorization: authFor(sim, "ada"), "content-type": "application/json" } }, (response) => {
        resolve(`response ${response.statusCode ?? 0}`);
      });
      request.on("error", (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
      request.end(body);
    });
    expect(outcome).toMatch(/^error (ECONNRESET|socket hang up)/);
    sim.control.setFaults({ resetAfterWriteRate: 0 });
    expect(sim.control.issueCount()).toBe(before + 1);
    const search = json<{ issues: { key: string }[] }>(await ada.post("/rest/api/3/search/jql", { jql: 'summary ~ "Committed but unseen"', fields: ["summary"] }));
    expect(search.issues).toHaveLength(1);
  });

  it("adds latency", async () => {
    sim.control.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await ada.get("/rest/api/3/serverInfo")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("is settable over the control API and counts writes per issue", async () => {
    const set = await fetch(`${sim.url}/_sim/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ rateLimitRate: 1 }) });
    expect(set.status).toBe(200);
    expect((await ada.get("/rest/api/3/myself")).status).toBe(429);
    const invalid = await fetch(`${sim.url}/_sim/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ rateLimitRate: 3 }) });
    expect(invalid.status).toBe(400);
    sim.control.setFaults({ rateLimitRate: 0 });
    sim.control.clearWriteCounts();
    await ada.put("/rest/api/3/issue/TETH-6", { fields: { summary: "one" } });
    await ada.put("/rest/api/3/issue/TETH-6", { fields: { summary: "two" } });
    const writes = (await (await fetch(`${sim.url}/_sim/writes`)).json()) as Record<string, number>;
    expect(writes["TETH-6"]).toBe(2);
    const log = (await (await fetch(`${sim.url}/_sim/requests`)).json()) as { method: string; path: string; status: number }[];
    expect(log.filter((entry) => entry.path === "/rest/api/3/issue/TETH-6" && entry.method === "PUT").map((entry) => entry.status)).toEqual([204, 204]);
  });
});
