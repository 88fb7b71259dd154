import { describe, expect, it } from "vitest";
import { parseRateLimitReset, parseRetryAfter, readRateLimitAdvice } from "./rate-limit-headers.ts";

const now = new Date("2025-03-01T12:00:00.000Z");
const headers = (h: Record<string, string>) => new Headers(h);

describe("Retry-After", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("5", now)?.toISOString()).toBe("2025-03-01T12:00:05.000Z");
    expect(parseRetryAfter("0", now)?.getTime()).toBe(now.getTime());
  });
  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", now)?.toISOString()).toBe("2025-03-01T12:00:30.000Z");
  });
  it("ignores garbage and absence", () => {
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
  });
});

describe("X-RateLimit-Reset", () => {
  it("reads ISO timestamps and epoch seconds", () => {
    expect(parseRateLimitReset("2025-03-01T12:01:00Z")?.toISOString()).toBe("2025-03-01T12:01:00.000Z");
    expect(parseRateLimitReset("1740830460")?.toISOString()).toBe("2025-03-01T12:01:00.000Z");
  });
});

describe("readRateLimitAdvice", () => {
  it("prefers Retry-After, falls back to X-RateLimit-Reset, and keeps the reason", () => {
    expect(readRateLimitAdvice(headers({ "retry-after": "2", "x-ratelimit-reset": "2025-03-01T13:00:00Z" }), now)).toEqual({
      retryAt: new Date("2025-03-01T12:00:02.000Z"),
      reason: null,
    });
    expect(
      readRateLimitAdvice(headers({ "x-ratelimit-reset": "2025-03-01T12:00:10Z", "ratelimit-reason": "jira-per-issue-on-write" }), now),
    ).toEqual({ retryAt: new Date("2025-03-01T12:00:10.000Z"), reason: "jira-per-issue-on-write" });
  });
  it("never points into the past and says null when Jira gave no hint", () => {
    expect(readRateLimitAdvice(headers({ "retry-after": "Sat, 01 Mar 2025 11:00:00 GMT" }), now).retryAt).toEqual(now);
    expect(readRateLimitAdvice(headers({}), now)).toEqual({ retryAt: null, reason: null });
  });
});
