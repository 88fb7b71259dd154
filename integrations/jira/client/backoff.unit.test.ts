import { describe, expect, it } from "vitest";
import { backoffDelay, retryDelay } from "./backoff.ts";

const policy = { baseMs: 100, capMs: 1000 };

describe("backoff with full jitter", () => {
  it("grows exponentially up to the cap", () => {
    const max = () => 0.999999;
    expect(backoffDelay(0, policy, max)).toBe(99);
    expect(backoffDelay(1, policy, max)).toBe(199);
    expect(backoffDelay(3, policy, max)).toBe(799);
    expect(backoffDelay(10, policy, max)).toBe(999);
  });
  it("spreads waits over the whole range", () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    const samples = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(Math.min(...samples)).toBeLessThan(200);
    expect(Math.max(...samples)).toBeGreaterThan(600);
    expect(samples.every((s) => s >= 0 && s < 800)).toBe(true);
  });
  it("waits at least until Jira's retry time, with a little jitter", () => {
    const now = new Date(0);
    const delay = retryDelay(0, new Date(5000), now, policy, () => 0.5);
    expect(delay).toBeGreaterThanOrEqual(5000);
    expect(delay).toBeLessThanOrEqual(5500);
    expect(retryDelay(2, undefined, now, policy, () => 0.5)).toBe(200);
  });
});
