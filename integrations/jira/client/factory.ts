import { CloudJiraClient } from "./cloud.ts";
import { DataCenterJiraClient } from "./datacenter.ts";
import { jiraEndpoint } from "./endpoint.ts";
import { type AttemptEvent, JiraHttp } from "./http.ts";
import type { JiraClient } from "./jira-client.ts";
import type { BackoffPolicy } from "./backoff.ts";
import { InMemoryRateLimitStore, type RateLimitStore } from "./rate-limit-store.ts";
import { defaultRateLimitRules, JiraRateLimiter, type RateLimitRules } from "./rate-limiter.ts";
import type { JiraConnectionConfig } from "./types.ts";

export type JiraClientDeps = {
  /** Shared limiter state; production passes a PgRateLimitStore so every worker shares one budget. */
  rateLimitStore?: RateLimitStore;
  rateLimitRules?: Partial<RateLimitRules>;
  fetch?: typeof fetch;
  /** Per attempt (default 20 s). */
  timeoutMs?: number;
  /** Attempts for idempotent requests (default 4). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Waits longer than this are handed to the caller as RATE_LIMITED with retryAt (default 30 s). */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onAttempt?: (event: AttemptEvent) => void;
};

// Without a shared store, clients in one process still share one budget per site.
const processStore = new InMemoryRateLimitStore();

/** The only way other code gets a JiraClient: the connection's flavour picks the implementation. */
export function createJiraClient(connection: JiraConnectionConfig, deps: JiraClientDeps = {}): JiraClient {
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const endpoint = jiraEndpoint(connection, deps.fetch ?? fetch, timeoutMs);
  const limiter = new JiraRateLimiter(deps.rateLimitStore ?? processStore, endpoint.siteKey, {
    ...defaultRateLimitRules,
    ...deps.rateLimitRules,
  });
  const http = new JiraHttp({
    endpoint,
    limiter,
    timeoutMs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    ...(deps.maxWaitMs !== undefined ? { maxWaitMs: deps.maxWaitMs } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.onAttempt ? { onAttempt: deps.onAttempt } : {}),
  });
  switch (connection.flavor) {
    case "cloud":
      return new CloudJiraClient(http);
    case "datacenter":
      return new DataCenterJiraClient(http, connection.majorVersion ? { majorVersion: connection.majorVersion } : {});
  }
}
