import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadSetupError, runLoad } from "./load.ts";

/** Time between the run's start and a connection's first request (synchronous code, but preemptible). */
const startSlackMs = 20;

describe("runLoad", () => {
  let server: Server;
  let url = "";
  let served = 0;
  beforeAll(async () => {
    // Answers 500 on /fail and holds each request open for a moment so concurrency shows.
    server = createServer((request, response) => {
      served += 1;
      setTimeout(() => {
        response.statusCode = request.url === "/fail" ? 500 : 200;
        response.end("ok");
      }, 2);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps N requests in flight for the duration and counts them", async () => {
    const connections = 4;
    const durationMs = 300;
    const result = await runLoad({ url, work: { method: "GET", path: "/" }, connections, durationMs });
    expect(result.errors).toBe(0);
    // Closed loop: each connection sends back to back until the deadline, so its requests together
    // last at least the duration (less a moment to start) — however slow the machine makes each one.
    const perConnection = Math.max(1, Math.floor((durationMs - startSlackMs) / result.latencyMs.max));
    expect(result.operations).toBeGreaterThanOrEqual(connections * perConnection);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(durationMs);
    // It stops at the deadline: only requests already sent may still finish after it.
    expect(result.elapsedMs).toBeLessThan(durationMs + result.latencyMs.max + 1_000);
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(1.5);
    expect(result.perSecond).toBeCloseTo((result.operations / result.elapsedMs) * 1000, 5);
  });

  it("stops at maxOperations and excludes the warm-up from the count", async () => {
    const before = served;
    const result = await runLoad({ url, work: { method: "GET", path: "/" }, connections: 3, durationMs: 10_000, warmupMs: 50, maxOperations: 30 });
    expect(result.operations).toBe(30);
    expect(served - before).toBeGreaterThan(30);
  });

  it("counts non-2xx answers and thrown operations as errors, with the first reason", async () => {
    // The cap ends these runs, not the clock: a slow machine still gets to every operation.
    const failing = await runLoad({ url, work: { method: "GET", path: "/fail" }, connections: 2, durationMs: 10_000, maxOperations: 5 });
    expect(failing.errors).toBe(5);
    expect(failing.firstError).toContain("answered 500");
    const throwing = await runLoad({ url, work: () => Promise.reject(new Error("boom")), connections: 1, durationMs: 10_000, maxOperations: 3 });
    expect(throwing).toMatchObject({ errors: 3, firstError: "boom" });
  });

  it("gives each connection a stable index for per-connection state", async () => {
    const seen = new Set<number>();
    await runLoad({ url, work: async (send, connection) => (seen.add(connection), (await send({ method: "GET", path: "/" })).status === 200), connections: 3, durationMs: 100 });
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it("refuses anything but loopback http", async () => {
    await expect(runLoad({ url: "http://example.com", work: { method: "GET", path: "/" }, connections: 1, durationMs: 10 })).rejects.toBeInstanceOf(LoadSetupError);
    await expect(runLoad({ url: "https://127.0.0.1:1", work: { method: "GET", path: "/" }, connections: 1, durationMs: 10 })).rejects.toBeInstanceOf(LoadSetupError);
  });
});
