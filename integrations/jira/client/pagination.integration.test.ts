import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import type { JiraIssue } from "./types.ts";
import { clientFor, type Flavor, startSim } from "./testing/sim-clients.ts";

// A real collection before each heap reading; without it the numbers are noise.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const heapUsed = () => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const total = 10_000;
const pageSize = 100;
const MB = 1024 * 1024;

describe.each<Flavor>(["cloud", "datacenter"])("streaming 10,000 issues from the %s simulator", (flavor) => {
  let sim: JiraSim;

  beforeAll(async () => {
    sim = await startSim(flavor, { seed: "empty" });
    sim.control.seedIssues(total, "TETH");
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("fetches page by page on demand, and memory does not grow with the number of issues", { timeout: 60_000 }, async () => {
    const client = clientFor(sim, "ada");
    sim.control.clearRequestLog();
    const searches = () => sim.control.requestLog().filter((r) => r.path.includes("/search")).length;
    let seen = 0;
    let lastKey = "";
    let heapAtStart = 0;
    let heapAtEnd = 0;
    for await (const issue of client.searchIssues("project = TETH ORDER BY key ASC", { pageSize })) {
      seen += 1;
      lastKey = issue.key;
      // Never more than one page ahead of the consumer.
      expect(searches()).toBeLessThanOrEqual(Math.ceil(seen / pageSize));
      if (seen === 1000) heapAtStart = heapUsed();
      if (seen === 9000) heapAtEnd = heapUsed();
    }
    expect(seen).toBe(total);
    expect(lastKey).toBe(`TETH-${total}`);
    expect(searches()).toBe(total / pageSize);
    // 8,000 issues went by between the readings; holding them takes far more (next test).
        expect(heapAtEnd - heapAtStart).toBeLessThan(3 * MB);
  });

  it("the measurement can fail: holding the issues does grow the heap", { timeout: 60_000 }, async () => {
    const client = clientFor(sim, "ada");
    const held: JiraIssue[] = [];
    let heapAtStart = 0;
    for await (const issue of client.searchIssues("project = TETH ORDER BY key ASC", { pageSize })) {
      held.push(issue);
      if (held.length === 1000) heapAtStart = heapUsed();
      if (held.length === 9000) break;
    }
    const grown = heapUsed() - heapAtStart;
    expect(grown).toBeGreaterThan(6 * MB);
    expect(held).toHaveLength(9000);
  });
});
