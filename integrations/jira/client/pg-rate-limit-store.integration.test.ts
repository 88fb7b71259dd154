import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../server/testing/db.ts";
import { PgRateLimitStore } from "./pg-rate-limit-store.ts";
import { wholeSite } from "./rate-limit-store.ts";

/** PostgreSQL's clock_timestamp() and performance.now() tick differently; a millisecond covers the rounding. */
const clockSlackMs = 1;

let database: TestDatabase;
let otherWorkerPool: pg.Pool;
let workerA: PgRateLimitStore;
let workerB: PgRateLimitStore;

beforeAll(async () => {
  database = await createTestDatabase();
  // A second pool plays a second worker process: nothing is shared but the database.
  otherWorkerPool = database.openPool({ max: 10 });
  workerA = new PgRateLimitStore(database.pool);
  workerB = new PgRateLimitStore(otherWorkerPool);
});

afterAll(async () => {
  await database?.close();
});

describe("PgRateLimitStore", () => {
  it("two workers spend one budget", async () => {
    const rule = { ratePerSecond: 1, burst: 3 };
    const started = performance.now();
    const waits = [
      await workerA.reserve("https://a.test", "get-post", rule),
      await workerB.reserve("https://a.test", "get-post", rule),
      await workerA.reserve("https://a.test", "get-post", rule),
      await workerB.reserve("https://a.test", "get-post", rule),
    ];
    const elapsed = performance.now() - started;
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    // The fourth slot opens 1 s after the first reservation, less only the time the four took.
    expect(waits[3]).toBeGreaterThanOrEqual(1000 - elapsed - clockSlackMs);
    expect(waits[3]).toBeLessThanOrEqual(1000);
    // Another site has its own budget.
    expect(await workerB.reserve("https://b.test", "get-post", rule)).toBe(0);
  });

  it("hands out distinct slots under concurrent reservations (atomic upsert)", async () => {
    const rule = { ratePerSecond: 1, burst: 1 };
    const started = performance.now();
    const waits = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? workerA : workerB).reserve("https://c.test", "put-delete", rule)),
    );
    const elapsed = performance.now() - started;
    // Slot i starts i seconds after the first; each wait is that minus how late its statement got
    // the row lock after the first one did, which is at most the time all twenty took.
    const sorted = [...waits].sort((a, b) => a - b);
    sorted.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(i * 1000);
      expect(wait).toBeGreaterThanOrEqual(i * 1000 - elapsed - clockSlackMs);
    });
  });

  it("a 429 seen by one worker pauses the other, for the whole site", async () => {
    const rule = { ratePerSecond: 100, burst: 10 };
    const blocked = performance.now();
    await workerA.block("https://d.test", wholeSite, 5000);
    const wait = await workerB.reserve("https://d.test", "get-post", rule);
    // What is left of the pause: all of it, less only the time since it began.
    expect(wait).toBeGreaterThanOrEqual(5000 - (performance.now() - blocked) - clockSlackMs);
    expect(wait).toBeLessThanOrEqual(5000);
    // A block never shortens: a later, shorter one keeps the longer pause.
    await workerB.block("https://d.test", wholeSite, 100);
    const later = await workerA.reserve("https://d.test", "issue:X-1:2s", rule);
    expect(later).toBeGreaterThanOrEqual(5000 - (performance.now() - blocked) - clockSlackMs);
  });

  it("a per-issue block holds that issue only", async () => {
    const rule = { ratePerSecond: 5, burst: 9 };
    const blocked = performance.now();
    await workerA.block("https://e.test", "issue:E-1:2s", 3000);
    const wait = await workerB.reserve("https://e.test", "issue:E-1:2s", rule);
    expect(wait).toBeGreaterThanOrEqual(3000 - (performance.now() - blocked) - clockSlackMs);
    expect(await workerB.reserve("https://e.test", "issue:E-2:2s", rule)).toBe(0);
  });

  it("prunes idle buckets", async () => {
    await database.pool.query(
      "INSERT INTO jira_rate_limit (site, bucket, tat) VALUES ('https://f.test', 'issue:OLD-1:2s', now() - interval '2 hours')",
    );
    expect(await workerA.prune(60 * 60_000)).toBeGreaterThanOrEqual(1);
    const left = await database.pool.query("SELECT 1 FROM jira_rate_limit WHERE bucket = 'issue:OLD-1:2s'");
    expect(left.rowCount).toBe(0);
  });
});
