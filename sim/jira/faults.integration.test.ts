import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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

  it("can aim the request faults at some paths only", async () => {
    sim.control.setFaults({ errorRate: 1, errorStatus: 500, onlyPaths: ["/search"] });
    expect((await ada.post("/rest/api/3/search/jql", { jql: "project = TETH" })).status).toBe(500);
    expect((await ada.get("/rest/api/3/issue/TETH-2")).status).toBe(200);
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

  it("also limits writes per issue over the longer window (about 100 per 30 s in Jira)", async () => {
    expect(defaultFaults().perIssueWriteLimit).toMatchObject({ max: 20, windowMs: 2000, sustainedMax: 100, sustainedWindowMs: 30_000 });
    sim.control.setFaults({ perIssueWriteLimit: { enabled: true, max: 3, windowMs: 1000, sustainedMax: 5, sustainedWindowMs: 60_000 } });
    const write = (summary: string) => ada.put("/rest/api/3/issue/TETH-7", { fields: { summary } });
    const statuses: number[] = [];
    // A 1 s short window: wide enough that four writes fit inside it on a loaded machine.
    for (let index = 0; index < 4; index++) statuses.push((await write(`short ${index}`)).status);
    expect(statuses).toEqual([204, 204, 204, 429]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The short window has room again; the long one lets two more through, then refuses.
    expect([(await write("long 1")).status, (await write("long 2")).status]).toEqual([204, 204]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const limited = await write("long 3");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-reason")).toBe("jira-per-issue-on-write");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("5");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await ada.put("/rest/api/3/issue/TETH-8", { fields: { summary: "other issue" } })).status).toBe(204);
    expect(json<{ fields: { summary: string } }>(await ada.get("/rest/api/3/issue/TETH-7?fields=summary")).fields.summary).toBe("long 2");
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

  it("commits a create whose client sent the whole body and then gave up", async () => {
    sim.control.setFaults({ latencyMs: 300 });
    const before = sim.control.issueCount();
    const outcome = await new Promise<string>((resolve) => {
      const body = JSON.stringify({ fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Sent, then the client timed out" } });
      const request = httpRequest(`${sim.url}/rest/api/3/issue`, { method: "POST", headers: { authorization: authFor(sim, "ada"), "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
        resolve(`response ${response.statusCode ?? 0}`);
      });
      request.on("error", (error: NodeJS.ErrnoException) => resolve(`error ${error.code ?? error.message}`));
      // Abort once the body is on the wire, long before the simulated latency is over.
      request.end(body, () => setTimeout(() => request.destroy(), 20));
    });
    expect(outcome).toMatch(/^error /);
    await vi.waitFor(() => expect(sim.control.issueCount()).toBe(before + 1), { timeout: 2_000 });
    const committed = sim.control.requestLog().filter((entry) => entry.method === "POST" && entry.path === "/rest/api/3/issue").at(-1);
    expect(committed?.status).toBe(201);
  });

  it("writes nothing when the client went away before the whole body arrived", async () => {
    const before = sim.control.issueCount();
    await new Promise<void>((resolve) => {
      const request = httpRequest(`${sim.url}/rest/api/3/issue`, { method: "POST", headers: { authorization: authFor(sim, "ada"), "content-type": "application/json", "content-length": "500" } }, () => resolve());
      request.on("error", () => resolve());
      request.write('{"fields":{"project":{"key":"TETH"},', () => setTimeout(() => request.destroy(), 20));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.control.issueCount()).toBe(before);
    expect((await ada.get("/rest/api/3/serverInfo")).status).toBe(200);
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
