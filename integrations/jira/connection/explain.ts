import type { JiraError } from "../client/index.ts";

export type JiraProblem = { code: string; message: string };

/**
 * What a Jira failure means for the person looking at Tether, and what to do about it. Exhaustive
 * over the client's error codes: a new code will not compile until it is explained here.
 */
export function explainJiraError(error: JiraError, context: { baseUrl: string }): JiraProblem {
  const code = error.code;
  switch (code) {
    case "UNAUTHORIZED":
      return {
        code: "jira_unauthorized",
        message:
          "Jira rejected the credentials: the token or password is wrong, revoked or expired (Jira Cloud API tokens expire after at most a year). Create a new token and save it in the connection settings.",
      };
    case "FORBIDDEN":
      return {
        code: "jira_forbidden",
        message: `The Jira account lacks a permission${error.missingPermission ? ` (${error.missingPermission})` : ""} for this. Run “Test connection” to see which permissions are missing and what a Jira admin must grant.`,
      };
    case "NOT_FOUND":
      return {
        code: "jira_not_found",
        message: `Jira answered “not found” for ${error.path}: the item does not exist, the account cannot see it (ask for “Browse Projects”), or this Jira lacks the endpoint. If nothing works at all, check the base URL ${context.baseUrl} (Data Center may need its context path, e.g. /jira).`,
      };
    case "VALIDATION":
      return { code: "jira_rejected", message: `Jira refused the request: ${[...error.errorMessages, ...Object.values(error.fieldErrors)].join(" ") || error.message}` };
    case "RATE_LIMITED":
      return {
        code: "jira_rate_limited",
        message: `Jira is rate limiting this account${error.retryAt ? ` until ${error.retryAt.toISOString()}` : ""}. Tether backs off by itself; try again in a minute.`,
      };
    case "CONFLICT":
      return { code: "jira_conflict", message: `Jira reported a conflict: ${error.errorMessages.join(" ") || error.message}. Reload and try again.` };
    case "UNAVAILABLE":
      return {
        code: "jira_unreachable",
        message: `Jira at ${context.baseUrl} could not be reached or answered with a server error. Check the URL and that Jira is up; Tether retries on its own.`,
      };
    case "BAD_RESPONSE":
      return {
        code: "jira_bad_response",
        message: `${context.baseUrl} answered, but not as Jira does. Check that the base URL points at Jira itself, not a login page or proxy.`,
      };
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexplained Jira error code: ${String(value)}`);
}
