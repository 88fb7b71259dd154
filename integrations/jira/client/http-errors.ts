import { JiraError, type JiraErrorCode, type JiraHttpMethod } from "./errors.ts";
import type { RateLimitAdvice } from "./rate-limit-headers.ts";
import { errorCollectionSchema } from "./schemas.ts";

export type RequestContext = {
  method: JiraHttpMethod;
  path: string;
  idempotent: boolean;
  /** The Jira permission the operation needs, named in FORBIDDEN errors. */
  permission?: string;
};

/** Turns a non-2xx answer into a JiraError by status (and headers), never by message text. */
export function errorFromResponse(
  request: RequestContext,
  response: { status: number; headers: { get(name: string): string | null } },
  bodyText: string,
  advice: RateLimitAdvice,
): JiraError {
  const { errorMessages, fieldErrors } = readJiraErrorBody(bodyText);
  const status = response.status;
  const code = codeForStatus(status, response.headers);
  const base = { status, method: request.method, path: request.path, errorMessages, fieldErrors };
  // The raw answer (cut short) is the cause: what Jira really said, for the sync log.
  const cause = { cause: new JiraAnswer(status, bodyText) };
  const jiraSays = errorMessages.length > 0 || Object.keys(fieldErrors).length > 0 ? ` Jira says: ${summarise(errorMessages, fieldErrors)}` : "";
  switch (code) {
    case "UNAUTHORIZED":
      return new JiraError(
        code,
        denialReason(response.headers) ??
          `Jira rejected the credentials (HTTP ${status}): the API token or password is wrong, revoked or expired. Create a new token and update the connection.`,
        base,
        cause,
      );
    case "FORBIDDEN":
      return new JiraError(
        code,
        request.permission
          ? `The Jira account lacks the "${request.permission}" permission needed for ${request.method} ${request.path}. A Jira admin can grant it in the project's permission scheme.${jiraSays}`
          : `The Jira account is not allowed to ${request.method} ${request.path}.${jiraSays}`,
        { ...base, ...(request.permission ? { missingPermission: request.permission } : {}) },
        cause,
      );
    case "RATE_LIMITED":
      return new JiraError(code, `Jira rate limit hit${advice.reason ? ` (${advice.reason})` : ""}.`, {
        ...base,
        ...(advice.retryAt ? { retryAt: advice.retryAt } : {}),
        ...(advice.reason ? { rateLimitReason: advice.reason } : {}),
      }, cause);
    case "UNAVAILABLE":
      return new JiraError(code, `Jira is unavailable (HTTP ${status}).${jiraSays}`, {
        ...base,
        ...(advice.retryAt ? { retryAt: advice.retryAt } : {}),
        // A gateway error after a create was sent does not prove the create did not happen.
        mayHaveCommitted: !request.idempotent && status !== 503,
      }, cause);
    case "NOT_FOUND":
      return new JiraError(code, `Jira has no such resource (or the account cannot see it): ${request.path}.${jiraSays}`, base, cause);
    case "CONFLICT":
      return new JiraError(code, `Jira reported a conflict (HTTP ${status}).${jiraSays}`, base, cause);
    case "VALIDATION":
    case "BAD_RESPONSE": {
      // Jira reports a missing Edit/Create permission as fields "not on the appropriate screen".
      const hint = request.permission ? ` (Jira answers this way too when the account lacks ${request.permission}; see the permission report.)` : "";
      return new JiraError(code, `Jira refused the request (HTTP ${status}).${jiraSays}${hint}`, base, cause);
    }
  }
}

function codeForStatus(status: number, headers: { get(name: string): string | null }): JiraErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  // Data Center answers 403 with this header once a CAPTCHA is required after failed logins.
  if (status === 403 && headers.get("x-authentication-denied-reason")) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404 || status === 410) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "UNAVAILABLE";
  if (status >= 400) return "VALIDATION";
  return "BAD_RESPONSE";
}

function denialReason(headers: { get(name: string): string | null }): string | null {
  const reason = headers.get("x-authentication-denied-reason");
  if (!reason) return null;
  return `Jira locked the login behind a CAPTCHA after failed attempts (${reason.split(";")[0]}). Log in to Jira in a browser once, then retry with the correct credentials.`;
}

/** What Jira answered, kept as the `cause` of an error built from an HTTP answer. */
export class JiraAnswer extends Error {
  override readonly name = "JiraAnswer";
  readonly body: string;
  constructor(readonly status: number, body: string) {
    super(`HTTP ${status}`);
    this.body = body.length > 2000 ? `${body.slice(0, 2000)}…` : body;
  }
}

export function readJiraErrorBody(bodyText: string): { errorMessages: string[]; fieldErrors: Record<string, string> } {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { errorMessages: [], fieldErrors: {} };
  }
  const parsed = errorCollectionSchema.safeParse(json);
  if (!parsed.success) return { errorMessages: [], fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(parsed.data.errors ?? {})) fieldErrors[field] = String(message);
  return { errorMessages: parsed.data.errorMessages ?? [], fieldErrors };
}

function summarise(messages: string[], fieldErrors: Record<string, string>): string {
  const parts = [...messages, ...Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`)];
  const text = parts.join("; ");
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

// Failures before the request left this machine: nothing can have happened in Jira.
const notSentCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** No answer at all: refused, reset, timed out. */
export function errorFromNetworkFailure(request: RequestContext, failure: unknown, timeoutMs: number): JiraError {
  const timedOut = failure instanceof Error && (failure.name === "TimeoutError" || failure.name === "AbortError");
  const code = networkErrorCode(failure);
  const sent = !(code && notSentCodes.has(code));
  const what = timedOut ? `no answer within ${timeoutMs} ms` : `connection failed${code ? ` (${code})` : ""}`;
  return new JiraError(
    "UNAVAILABLE",
    `Jira is unreachable: ${what}.`,
    { status: null, method: request.method, path: request.path, mayHaveCommitted: !request.idempotent && sent },
    { cause: failure },
  );
}

function networkErrorCode(failure: unknown): string | null {
  let current: unknown = failure;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (typeof current === "object" && current !== null && "code" in current && typeof current.code === "string") {
      return current.code;
    }
    current = current instanceof Error ? current.cause : null;
  }
  return null;
}
