import { describe, expect, test } from "vitest";
import type { ConnectionTestResult } from "./jira-connection.ts";
import { connectionHealthOf } from "./jira-health.ts";

const tested = (over: Partial<ConnectionTestResult>): ConnectionTestResult => ({
  ok: true,
  reachable: true,
  checkedAt: "2026-11-28T10:00:00.000Z",
  serverInfo: null,
  account: null,
  tokenExpiresAt: null,
  permissions: null,
  problems: [],
  ...over,
});

describe("connection health from the stored test", () => {
  test("no connection, saved but untested, ok", () => {
    expect(connectionHealthOf(null).state).toBe("not_connected");
    expect(connectionHealthOf({ lastTest: null })).toMatchObject({ state: "untested", checkedAt: null });
    expect(connectionHealthOf({ lastTest: tested({}) })).toEqual({ state: "ok", reason: null, checkedAt: "2026-11-28T10:00:00.000Z" });
  });

  test("broken: the first real problem is the reason; an expiry warning alone is not one", () => {
    const problems = [
      { code: "token_expiring", message: "expires soon" },
      { code: "jira_unauthorized", message: "Jira rejected the credentials" },
    ];
    expect(connectionHealthOf({ lastTest: tested({ ok: false, problems }) })).toMatchObject({ state: "broken", reason: "Jira rejected the credentials" });
    expect(connectionHealthOf({ lastTest: tested({ ok: false, reachable: false, problems: [] }) }).reason).toBe("Jira could not be reached.");
    expect(connectionHealthOf({ lastTest: tested({ ok: false, problems: [] }) }).reason).toContain("lacks permissions");
  });
});
