import { describe, expect, it } from "vitest";
import { decideRetry, JiraError, type JiraErrorCode, jiraErrorCodes } from "./errors.ts";

function error(code: JiraErrorCode, mayHaveCommitted = false): JiraError {
  return new JiraError(code, "x", { status: null, method: "POST", path: "/rest/api/3/issue", mayHaveCommitted });
}

describe("decideRetry", () => {
  it.each([
    ["UNAUTHORIZED", true, "park"],
    ["FORBIDDEN", true, "park"],
    ["NOT_FOUND", true, "fail"],
    ["VALIDATION", true, "fail"],
    ["BAD_RESPONSE", true, "fail"],
    ["RATE_LIMITED", true, "retry"],
    ["UNAVAILABLE", true, "retry"],
    ["CONFLICT", true, "retry"],
  ] as const)("%s on an idempotent request → %s", (code, idempotent, expected) => {
    expect(decideRetry(error(code), { idempotent })).toBe(expected);
  });

  it("resends a create only when Jira certainly did not act on it", () => {
    expect(decideRetry(error("UNAVAILABLE", false), { idempotent: false })).toBe("retry");
    expect(decideRetry(error("UNAVAILABLE", true), { idempotent: false })).toBe("park");
    expect(decideRetry(error("RATE_LIMITED", false), { idempotent: false })).toBe("retry");
  });

  it("has a decision for every code", () => {
    for (const code of jiraErrorCodes) expect(["retry", "park", "fail"]).toContain(decideRetry(error(code), { idempotent: true }));
  });
});

describe("JiraError", () => {
  it("keeps its cause and serialises without anything but what Jira said", () => {
    const cause = new Error("socket hang up");
    const e = new JiraError(
      "VALIDATION",
      "refused",
      { status: 400, method: "POST", path: "/rest/api/2/issue", errorMessages: ["bad"], fieldErrors: { customfield_10011: "Epic Name is required." } },
      { cause },
    );
    expect(e.cause).toBe(cause);
    expect(e.toJSON()).toMatchObject({ code: "VALIDATION", status: 400, fieldErrors: { customfield_10011: "Epic Name is required." } });
  });
});
