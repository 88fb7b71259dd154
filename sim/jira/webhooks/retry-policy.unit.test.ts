import { describe, expect, it } from "vitest";
import { CLOUD_BASE_DELAY_MS, CLOUD_MAX_ATTEMPTS, isRetryable, isRetryableStatus, latestLastRetryMs, retryDelayMs } from "./retry-policy.ts";

describe("Jira Cloud's webhook retry policy", () => {
  it("retries 408, 409, 425, 429 and 5xx, timeouts and network errors; nothing else", () => {
    expect([408, 409, 425, 429, 500, 502, 503, 504, 599].filter(isRetryableStatus)).toHaveLength(9);
    expect([200, 204, 301, 400, 401, 403, 404, 410, 413, 422, 424, 426].filter(isRetryableStatus)).toEqual([]);
    expect(isRetryable({ kind: "error", error: "timed out after 10000 ms", timedOut: true })).toBe(true);
    expect(isRetryable({ kind: "error", error: "connect ECONNREFUSED", timedOut: false })).toBe(true);
    expect(isRetryable({ kind: "response", status: 404 })).toBe(false);
  });

  it("makes five retries that all start within 30 minutes of the first attempt, in real time", () => {
    const schedule = { baseDelayMs: CLOUD_BASE_DELAY_MS, timeScale: 1 };
    expect(CLOUD_MAX_ATTEMPTS).toBe(6);
    const latest = latestLastRetryMs(CLOUD_MAX_ATTEMPTS, schedule);
    expect(latest).toBeLessThanOrEqual(30 * 60_000);
    expect(latest).toBeGreaterThan(29 * 60_000);
    const earliest = [1, 2, 3, 4, 5].reduce((sum, retry) => sum + retryDelayMs(retry, schedule, 0), 0);
    expect(earliest).toBe(latest / 2);
    // Each wait lies between half and all of its ceiling, which doubles per retry.
    expect(retryDelayMs(3, schedule, 0.999_999)).toBeCloseTo(4 * CLOUD_BASE_DELAY_MS, -1);
    expect(retryDelayMs(3, schedule, 0)).toBe(2 * CLOUD_BASE_DELAY_MS);
  });

  it("compresses the whole schedule by the time scale", () => {
    const real = { baseDelayMs: CLOUD_BASE_DELAY_MS, timeScale: 1 };
    const compressed = { baseDelayMs: CLOUD_BASE_DELAY_MS, timeScale: 0.001 };
    expect(latestLastRetryMs(CLOUD_MAX_ATTEMPTS, compressed)).toBeCloseTo(latestLastRetryMs(CLOUD_MAX_ATTEMPTS, real) / 1000, 6);
    expect(retryDelayMs(2, compressed, 0.5)).toBeCloseTo(retryDelayMs(2, real, 0.5) / 1000, 6);
  });
});
