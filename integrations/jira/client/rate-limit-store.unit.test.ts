import { describe, expect, it } from "vitest";
import { InMemoryRateLimitStore, nextSlot, wholeSite } from "./rate-limit-store.ts";
import { defaultRateLimitRules, JiraRateLimiter } from "./rate-limiter.ts";

const rule = { ratePerSecond: 10, burst: 3 };

describe("GCRA slots", () => {
  it("lets a burst through, then spaces requests at the sustained rate", () => {
    let tat = 0;
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const slot = nextSlot(tat, -Infinity, 1000, rule);
      tat = slot.tat;
      waits.push(Math.round(slot.waitMs));
    }
    expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it("after a block resumes at the sustained rate, not in a burst", () => {
    const first = nextSlot(0, 5000, 1000, rule);
    const second = nextSlot(first.tat, 5000, 1000, rule);
    expect(Math.round(first.waitMs)).toBe(4000);
    expect(Math.round(second.waitMs)).toBe(4100);
  });
});

describe("per-issue write budget", () => {
  it("never lets more than 20 writes to one issue into any 2 s window, nor 100 into 30 s", async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore(() => now);
    const limiter = new JiraRateLimiter(store, "site", defaultRateLimitRules, () => now);
    // 300 writes requested at once: each is sent at its reservation time.
    const sendTimes: number[] = [];
    const clock = { sleep: async (ms: number) => void (now += ms), maxWaitMs: Infinity };
    for (let i = 0; i < 300; i += 1) {
      await limiter.acquire({ method: "PUT", issueKey: "ABC-1" }, clock);
      sendTimes.push(now);
    }
    const inWindow = (start: number, width: number) => sendTimes.filter((t) => t >= start && t < start + width).length;
    for (const start of sendTimes) {
      expect(inWindow(start, 2000)).toBeLessThanOrEqual(20);
      expect(inWindow(start, 30_000)).toBeLessThanOrEqual(100);
    }
    // …and the site budget was only taken when each write went, so other issues are not held up.
    const before = now;
    await limiter.acquire({ method: "PUT", issueKey: "ABC-2" }, clock);
    expect(now - before).toBeLessThan(100);
  });
});

describe("InMemoryRateLimitStore", () => {
  it("a whole-site block holds every bucket until it ends", async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore(() => now);
    await store.block("site", wholeSite, 3000);
    expect(await store.reserve("site", "get-post", rule)).toBeGreaterThanOrEqual(3000);
    expect(await store.reserve("other-site", "get-post", rule)).toBe(0);
    now = 10_000;
    expect(await store.reserve("site", "get-post", rule)).toBe(0);
  });

  it("prunes idle buckets", async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore(() => now);
    await store.reserve("site", "issue:A-1:2s", rule);
    now = 60_000;
    expect(await store.prune(10_000)).toBe(1);
  });
});
