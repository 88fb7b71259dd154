import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../server/testing/db.ts";
import { decideRetry, JiraError } from "./errors.ts";
import type { JiraClient } from "./jira-client.ts";
import { PgRateLimitStore } from "./pg-rate-limit-store.ts";
import { clientFor, collect, fastDeps, startSim } from "./testing/sim-clients.ts";

/** Date.now() and PostgreSQL's clock round differently; a few milliseconds cover it. */
const clockSlackMs = 5;

async function failure(promise: Promise<unknown>): Promise<JiraError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome instanceof JiraError) return outcome;
  throw new Error(`expected a JiraError, got ${String(outcome)}`);
}

describe("faults against the Cloud simulator", () => {
  let sim: JiraSim;
  let storyTypeId: string;

  beforeAll(async () => {
    sim = await startSim("cloud");
    storyTypeId = (await clientFor(sim, "ada").issueTypesForProject("TETH")).find((t) => t.name === "Story")?.id ?? "";
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(() => {
    sim.control.setFaults({ rateLimitRate: 0, errorRate: 0, latencyMs: 0, resetAfterWriteRate: 0, retryAfterSeconds: 5, perIssueWriteLimit: { enabled: false } });
    sim.control.clearRequestLog();
  });

  /** A client that switches the fault off after `attempts` failed attempts. */
  function clientHealingAfter(attempts: number, heal: () => void): JiraClient {
    let seen = 0;
    return clientFor(sim, "ada", {
      ...fastDeps(),
      onAttempt: (event) => {
        if (event.errorCode && ++seen >= attempts) heal();
      },
    });
  }

  it("429 with Retry-After: waits as told, then the read succeeds", async () => {
    sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const client = clientHealingAfter(1, () => sim.control.setFaults({ rateLimitRate: 0 }));
    const started = Date.now();
    expect((await client.myself()).displayName).toBe("Ada Admin");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sim.control.requestLog().map((r) => r.status)).toEqual([429, 200]);
  });

  it("429 without Retry-After: backs off (X-RateLimit-Reset) and succeeds", async () => {
    sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: null });
    const client = clientHealingAfter(2, () => sim.control.setFaults({ rateLimitRate: 0 }));
    await client.myself();
    expect(sim.control.requestLog().map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("5xx (HTML from a gateway) on a read is retried with backoff", async () => {
    sim.control.setFaults({ errorRate: 1, errorStatus: 503 });
    const client = clientHealingAfter(2, () => sim.control.setFaults({ errorRate: 0 }));
    expect((await collect(client.listProjects())).map((p) => p.key)).toEqual(expect.arrayContaining(["PLAT", "TETH"]));
    expect(sim.control.requestLog().map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("a persistent 5xx ends as UNAVAILABLE after the attempts run out", async () => {
    sim.control.setFaults({ errorRate: 1, errorStatus: 500 });
    const error = await failure(clientFor(sim, "ada").myself());
    expect(error).toMatchObject({ code: "UNAVAILABLE", status: 500, method: "GET", path: "/rest/api/3/myself" });
    expect(sim.control.requestLog()).toHaveLength(4);
  });

  it("a slow answer times out as UNAVAILABLE; a timed-out create is not resent and may have committed", async () => {
    sim.control.setFaults({ latencyMs: 400 });
    const client = clientFor(sim, "ada", { ...fastDeps(), timeoutMs: 100, maxAttempts: 1 });
    expect(await failure(client.myself())).toMatchObject({ code: "UNAVAILABLE", status: null, mayHaveCommitted: false });
    const marker = `timeout-marker-${Date.now()}`;
    const error = await failure(client.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: marker }));
    expect(error).toMatchObject({ code: "UNAVAILABLE", mayHaveCommitted: true, status: null });
    expect(decideRetry(error, { idempotent: false })).toBe("park");
    // It did commit: the sim finishes the slow request after the client gave up, and only once.
    const withMarker = () => sim.control.snapshot().issues.filter((issue) => issue.summary === marker);
    await vi.waitFor(() => expect(withMarker()).toHaveLength(1), { timeout: 3000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(withMarker()).toHaveLength(1);
    expect(sim.control.requestLog().filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("a create whose connection resets after commit is NOT retried and reports mayHaveCommitted", async () => {
    sim.control.setFaults({ resetAfterWriteRate: 1 });
    const before = sim.control.issueCount();
    const client = clientFor(sim, "ada");
    const error = await failure(client.createIssue({ projectKey: "TETH", issueTypeId: storyTypeId, summary: "reset after commit" }));
    expect(error).toMatchObject({ code: "UNAVAILABLE", mayHaveCommitted: true, status: null, method: "POST", path: "/rest/api/3/issue" });
    expect(error.cause).toBeInstanceOf(Error);
    expect(sim.control.requestLog().filter((r) => r.method === "POST")).toHaveLength(1);
    expect(sim.control.issueCount()).toBe(before + 1);
  });

  it("an idempotent edit whose connection resets is retried and lands once", async () => {
    sim.control.setFaults({ resetAfterWriteRate: 1 });
    const client = clientHealingAfter(1, () => sim.control.setFaults({ resetAfterWriteRate: 0 }));
    await client.editIssue("TETH-1", { summary: "Edited through a reset" });
    expect(sim.control.requestLog().filter((r) => r.method === "PUT")).toHaveLength(2);
    expect(sim.control.issue("TETH-1").summary).toBe("Edited through a reset");
  });

  it("paces writes to one issue under Jira's per-issue limit (20 per 2 s): no 429", { timeout: 20_000 }, async () => {
    sim.control.setFaults({ perIssueWriteLimit: { enabled: true, max: 20, windowMs: 2000 } });
    const client = clientFor(sim, "ada");
    for (let i = 0; i < 30; i += 1) await client.editIssue("TETH-2", { summary: `Edit ${i}` });
    const statuses = sim.control.requestLog().filter((r) => r.method === "PUT").map((r) => r.status);
    expect(statuses).toHaveLength(30);
    expect(statuses.every((s) => s === 204)).toBe(true);
  });
});

describe("limiter state shared through PostgreSQL", () => {
  let sim: JiraSim;
  let database: TestDatabase;
  let otherPool: pg.Pool;

  beforeAll(async () => {
    sim = await startSim("cloud");
    database = await createTestDatabase();
    otherPool = database.openPool();
  });
  afterAll(async () => {
    await database?.close();
    await sim?.stop();
  });

  it("two client instances spend one budget and both pause after a 429 one of them saw", async () => {
    const rules = { getPost: { ratePerSecond: 1, burst: 2 } };
    // Two "workers": separate clients, separate pools, one database.
    const workerA = clientFor(sim, "ada", { ...fastDeps(), rateLimitStore: new PgRateLimitStore(database.pool), rateLimitRules: rules });
    const workerB = clientFor(sim, "ada", { ...fastDeps(), rateLimitStore: new PgRateLimitStore(otherPool), rateLimitRules: rules });

    // Bounds count from before the first request, not from B's own call: how long A's calls take
    // depends on the machine, the budget does not.
    let started = Date.now();
    await workerA.myself();
    await workerA.myself();
    await workerB.myself();
    // B's is the third request of a burst of two at one per second: it goes 1 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000 - clockSlackMs);

    // Worker A's create is refused with Retry-After: 2; worker B's next read waits it out.
    sim.control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 2 });
    started = Date.now();
    const error = await failure(workerA.createIssue({ projectKey: "TETH", issueTypeId: "x", summary: "s" }));
    expect(error).toMatchObject({ code: "RATE_LIMITED", mayHaveCommitted: false });
    expect(decideRetry(error, { idempotent: false })).toBe("retry");
    sim.control.setFaults({ rateLimitRate: 0 });
    sim.control.clearRequestLog();
    await workerB.myself();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000 - clockSlackMs);
    expect(sim.control.requestLog().map((r) => r.status)).toEqual([200]);
  });
});
