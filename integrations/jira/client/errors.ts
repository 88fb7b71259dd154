/** Stable codes for every way a Jira call can fail. Callers match on these, never on messages. */
export const jiraErrorCodes = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION",
  "RATE_LIMITED",
  "CONFLICT",
  "UNAVAILABLE",
  "BAD_RESPONSE",
] as const;

export type JiraErrorCode = (typeof jiraErrorCodes)[number];

export type JiraHttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type JiraErrorDetails = {
  /** HTTP status Jira answered with; null when no answer arrived (network, timeout). */
  status: number | null;
  method: JiraHttpMethod;
  /** Request path without the query string or host: safe to log, never carries credentials. */
  path: string;
  /** Jira's own `errorMessages` (kept verbatim for the sync log). */
  errorMessages?: string[];
  /** Jira's per-field `errors` (`{ customfield_10011: "Epic Name is required." }`). */
  fieldErrors?: Record<string, string>;
  /** The Jira permission key the request needed, when the caller knows it (FORBIDDEN). */
  missingPermission?: string;
  /** When Jira said to come back (RATE_LIMITED), or when our limiter says so. */
  retryAt?: Date;
  /** `RateLimit-Reason` (e.g. `jira-per-issue-on-write`). */
  rateLimitReason?: string;
  /**
   * True when a non-idempotent request (a create) was sent but no trustworthy answer came back:
   * Jira may have done it. Check (e.g. search for an idempotency marker) before sending it again.
   */
  mayHaveCommitted?: boolean;
};

export class JiraError extends Error {
  override readonly name = "JiraError";
  readonly status: number | null;
  readonly method: JiraHttpMethod;
  readonly path: string;
  readonly errorMessages: string[];
  readonly fieldErrors: Record<string, string>;
  readonly missingPermission: string | undefined;
  readonly retryAt: Date | undefined;
  readonly rateLimitReason: string | undefined;
  readonly mayHaveCommitted: boolean;

  constructor(
    readonly code: JiraErrorCode,
    message: string,
    details: JiraErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.errorMessages = details.errorMessages ?? [];
    this.fieldErrors = details.fieldErrors ?? {};
    this.missingPermission = details.missingPermission;
    this.retryAt = details.retryAt;
    this.rateLimitReason = details.rateLimitReason;
    this.mayHaveCommitted = details.mayHaveCommitted ?? false;
  }

  /** A log/sync-log friendly view: no credentials can be in here, only what Jira said. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      errorMessages: this.errorMessages,
      fieldErrors: this.fieldErrors,
      ...(this.missingPermission ? { missingPermission: this.missingPermission } : {}),
      ...(this.retryAt ? { retryAt: this.retryAt.toISOString() } : {}),
      ...(this.rateLimitReason ? { rateLimitReason: this.rateLimitReason } : {}),
      mayHaveCommitted: this.mayHaveCommitted,
    };
  }
}

export function isJiraError(value: unknown): value is JiraError {
  return value instanceof JiraError;
}

/**
 * - retry: try again (after `retryAt` or a backoff) — it cannot duplicate anything.
 * - park: stop this job and keep it; it needs a person (credentials, permission) or a check that
 *   a possibly committed create did not happen before it may run again.
 * - fail: will never succeed as sent; record the error.
 */
export type RetryDecision = "retry" | "park" | "fail";

export function decideRetry(error: JiraError, request: { idempotent: boolean }): RetryDecision {
  // A non-idempotent request is safe to resend only when Jira certainly did not act on it.
  const safeToResend = request.idempotent || !error.mayHaveCommitted;
  const code = error.code;
  switch (code) {
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      return "park";
    case "NOT_FOUND":
    case "VALIDATION":
    case "BAD_RESPONSE":
      return "fail";
    case "RATE_LIMITED":
    case "UNAVAILABLE":
    case "CONFLICT":
      return safeToResend ? "retry" : "park";
    default:
      return assertNever(code);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled Jira error code: ${String(value)}`);
}
