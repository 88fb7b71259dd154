import type { z } from "zod";
import { type BackoffPolicy, defaultBackoff, retryDelay } from "./backoff.ts";
import type { JiraEndpoint } from "./endpoint.ts";
import { decideRetry, JiraError, type JiraHttpMethod } from "./errors.ts";
import { errorFromNetworkFailure, errorFromResponse, type RequestContext } from "./http-errors.ts";
import { readRateLimitAdvice } from "./rate-limit-headers.ts";
import type { JiraRateLimiter } from "./rate-limiter.ts";

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

export type JiraRequest<T> = {
  method: JiraHttpMethod;
  /** Path under the API root, starting with `/rest/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  /**
   * Whether sending it twice is harmless. Defaults to true for GET/PUT/DELETE, false for POST;
   * POSTs that only read (search, bulkfetch) say true.
   */
  idempotent?: boolean;
  /** A write to this issue: paced by the per-issue budget. */
  issueKey?: string;
  /** The Jira permission the operation needs (named in FORBIDDEN errors). */
  permission?: string;
};

export type JiraHttpOptions = {
  endpoint: JiraEndpoint;
  limiter: JiraRateLimiter;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body (default 20 s). */
  timeoutMs?: number;
  /** Attempts for an idempotent request (1 = no retry; default 4). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** A wait longer than this is not slept through: the error goes to the caller as RATE_LIMITED with retryAt (default 30 s). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Called after every attempt, for metrics and logs. Carries no credentials. */
  onAttempt?: (event: AttemptEvent) => void;
};

export type AttemptEvent = {
  method: JiraHttpMethod;
  path: string;
  attempt: number;
  status: number | null;
  durationMs: number;
  errorCode: string | null;
};

export const defaultTimeoutMs = 20_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one place that sends HTTP to Jira: auth, timeout, shared rate limiting, retries of
 * idempotent requests (UNAVAILABLE, RATE_LIMITED) with jittered backoff, and zod parsing.
 */
export class JiraHttp {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: JiraHttpOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoff = options.backoff ?? defaultBackoff;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async request<T>(request: JiraRequest<T>): Promise<T> {
    const context: RequestContext = {
      method: request.method,
      path: request.path,
      idempotent: request.idempotent ?? request.method !== "POST",
      ...(request.permission ? { permission: request.permission } : {}),
    };
    for (let attempt = 0; ; attempt += 1) {
      await this.waitForBudget(request, context);
      const result = await this.attempt(request, context, attempt);
      if (result.ok) return result.value;
      const error = result.error;
      if (error.code === "RATE_LIMITED") {
        const untilMs = error.retryAt ? error.retryAt.getTime() - this.now() : retryDelay(attempt, undefined, new Date(this.now()), this.backoff, this.random);
        await this.options.limiter.rateLimited(limiterRequest(request), error.rateLimitReason ?? null, untilMs);
      }
      // Creates are never resent here, whatever happened: the caller checks and decides.
      const retry = context.idempotent && attempt + 1 < this.maxAttempts && decideRetry(error, context) === "retry";
      if (!retry) throw error;
      // After a 429 the limiter's block already makes the next reservation wait (for every worker).
      if (error.code !== "RATE_LIMITED") {
        const delay = retryDelay(attempt, error.retryAt, new Date(this.now()), this.backoff, this.random);
        if (delay > this.maxWaitMs) throw error;
        await this.sleep(delay);
      }
    }
  }

  private async waitForBudget<T>(request: JiraRequest<T>, context: RequestContext): Promise<void> {
    const budget = await this.options.limiter.acquire(limiterRequest(request), { sleep: this.sleep, maxWaitMs: this.maxWaitMs });
    if (budget.acquired) return;
    throw new JiraError("RATE_LIMITED", "Tether's shared Jira budget for this site is spent; try again later.", {
      status: null,
      method: context.method,
      path: context.path,
      retryAt: new Date(this.now() + budget.waitMs),
    });
  }

  private async attempt<T>(
    request: JiraRequest<T>,
    context: RequestContext,
    attempt: number,
  ): Promise<{ ok: true; value: T } | { ok: false; error: JiraError }> {
    const started = this.now();
    const report = (status: number | null, error: JiraError | null) =>
      this.options.onAttempt?.({
        method: request.method,
        path: request.path,
        attempt,
        status,
        durationMs: this.now() - started,
        errorCode: error?.code ?? null,
      });
    let status: number | null = null;
    try {
      const url = `${await this.options.endpoint.apiRoot()}${request.path}${queryString(request.query)}`;
      const response = await this.fetchImpl(url, {
        method: request.method,
        headers: {
          accept: "application/json",
          authorization: this.options.endpoint.authorization,
          "user-agent": "Tether",
          ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      const text = await response.text();
      if (!response.ok) {
        const error = errorFromResponse(context, response, text, readRateLimitAdvice(response.headers, new Date(this.now())));
        report(status, error);
        return { ok: false, error };
      }
      const value = parseBody(request.schema, text, context, status);
      report(status, null);
      return { ok: true, value };
    } catch (failure) {
      const error =
        failure instanceof JiraError ? failure : errorFromNetworkFailure(context, failure, this.timeoutMs);
      report(status, error);
      return { ok: false, error };
    }
  }
}

function parseBody<T>(schema: z.ZodType<T>, text: string, context: RequestContext, status: number): T {
  let json: unknown = undefined;
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new JiraError("BAD_RESPONSE", `Jira answered ${context.method} ${context.path} with something that is not JSON.`, {
        status,
        method: context.method,
        path: context.path,
      }, { cause: error });
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new JiraError("BAD_RESPONSE", `Jira's answer to ${context.method} ${context.path} has an unexpected shape.`, {
      status,
      method: context.method,
      path: context.path,
    }, { cause: parsed.error });
  }
  return parsed.data;
}

function limiterRequest<T>(request: JiraRequest<T>): { method: JiraHttpMethod; issueKey?: string } {
  return request.issueKey ? { method: request.method, issueKey: request.issueKey } : { method: request.method };
}

/** Arrays become comma lists (`fields=summary,status`), as Jira expects. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
