import { CloudJiraClient } from "./cloud.ts";
import { DataCenterJiraClient } from "./datacenter.ts";
import { jiraEndpoint } from "./endpoint.ts";
import { defaultTimeoutMs, JiraHttp, type JiraHttpOptions } from "./http.ts";
import type { JiraClient } from "./jira-client.ts";
import { InMemoryRateLimitStore, type RateLimitStore } from "./rate-limit-store.ts";
import { defaultRateLimitRules, JiraRateLimiter, type RateLimitRules } from "./rate-limiter.ts";
import type { JiraConnectionConfig } from "./types.ts";

/** The HTTP knobs are JiraHttp's own (defaults there); the limiter is built here from the store and rules. */
export type JiraClientDeps = Pick<JiraHttpOptions, "fetch" | "timeoutMs" | "maxAttempts" | "backoff" | "maxWaitMs" | "sleep" | "onAttempt"> & {
  /** Shared limiter state; production passes a PgRateLimitStore so every worker shares one budget. */
  rateLimitStore?: RateLimitStore;
  rateLimitRules?: Partial<RateLimitRules>;
};

// Without a shared store, clients in one process still share one budget per site.
const processStore = new InMemoryRateLimitStore();

/** The only way other code gets a JiraClient: the connection's flavour picks the implementation. */
export function createJiraClient(connection: JiraConnectionConfig, deps: JiraClientDeps = {}): JiraClient {
  const timeoutMs = deps.timeoutMs ?? defaultTimeoutMs;
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
