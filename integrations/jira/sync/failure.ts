import type { JiraError } from "../client/index.ts";
import { explainJiraError } from "../connection/explain.ts";

/** What a failed Jira call means for the link, and what the person looking at it should do. */
export type SyncFailure = {
  state: "retrying" | "blocked" | "broken" | "error";
  code: string;
  message: string;
  /** When to try again (Jira's Retry-After, or none: back off). */
  retryAt: Date | null;
};

const screenProblem = /cannot be set|not on the appropriate screen/i;

/** Exhaustive over the client's error codes: a new code does not compile until it is decided here. */
export function classifyJiraFailure(error: JiraError, context: { baseUrl: string; issueKey: string | null; operation: string }): SyncFailure {
  const explained = explainJiraError(error, context);
  const code = error.code;
  switch (code) {
    case "RATE_LIMITED":
    case "UNAVAILABLE":
    case "CONFLICT":
      return { state: "retrying", code: explained.code, message: explained.message, retryAt: error.retryAt ?? null };
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      return { state: "blocked", code: explained.code, message: explained.message, retryAt: null };
    case "NOT_FOUND":
      if (context.issueKey && context.operation !== "create") {
        return {
          state: "broken",
          code: "jira_issue_missing",
          message: `${context.issueKey} no longer exists in Jira, or the connection's account can no longer see it. The use case is kept; relink it to another Epic or unlink it.`,
          retryAt: null,
        };
      }
      return { state: "blocked", code: explained.code, message: explained.message, retryAt: null };
    case "VALIDATION": {
      const fieldProblems = Object.entries(error.fieldErrors);
      const screen = fieldProblems.filter(([, message]) => screenProblem.test(message)).map(([field]) => field);
      if (screen.length > 0) {
        return {
          state: "blocked",
          code: "jira_field_not_on_screen",
          message: `Jira will not let Tether set ${screen.join(", ")} on ${context.issueKey ?? "the issue"}: the field is not on the issue's ${context.operation === "create" ? "create" : "edit"} screen. Ask a Jira admin to add it to the screen, or set its direction to "from Jira" or "off" in the mapping.`,
          retryAt: null,
        };
      }
      const details = fieldProblems.map(([field, message]) => `${field}: ${message}`);
      return { state: "blocked", code: "jira_rejected", message: `Jira refused the ${context.operation}: ${[...error.errorMessages, ...details].join("; ") || error.message}`, retryAt: null };
    }
    case "BAD_RESPONSE":
      // A cut-off answer (a connection reset mid-body) looks the same as a wrong URL: retry with
      // backoff, and keep saying what a lasting one would mean.
      return { state: "retrying", code: explained.code, message: explained.message, retryAt: null };
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unclassified Jira error code: ${String(value)}`);
}
