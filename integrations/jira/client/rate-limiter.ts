import type { JiraHttpMethod } from "./errors.ts";
import { type RateLimitRule, type RateLimitStore, wholeSite } from "./rate-limit-store.ts";

/**
 * Budgets kept below Jira Cloud's published limits (burst ≈ 100 rps GET/POST, 50 rps PUT/DELETE;
 * per issue ≈ 20 writes / 2 s and 100 / 30 s). A GCRA rule lets at most burst + rate·W requests
 * through in any window of W seconds, which is what the numbers below are sized for.
 */
export type RateLimitRules = {
  /** GET and POST (reads, searches, creates). */
  getPost: RateLimitRule;
  /** PUT and DELETE. */
  putDelete: RateLimitRule;
  /** Writes to one issue: ≤ 9 + 5·2 = 19 in any 2 s. */
  issueWriteShort: RateLimitRule;
  /** Writes to one issue: ≤ 38 + 2·30 = 98 in any 30 s. */
  issueWriteLong: RateLimitRule;
};

export const defaultRateLimitRules: RateLimitRules = {
  getPost: { ratePerSecond: 50, burst: 40 },
  putDelete: { ratePerSecond: 25, burst: 20 },
  issueWriteShort: { ratePerSecond: 5, burst: 9 },
  issueWriteLong: { ratePerSecond: 2, burst: 38 },
};

export type RateLimitedRequest = { method: JiraHttpMethod; /** Set for writes to one issue. */ issueKey?: string };

const pruneEveryMs = 10 * 60_000;

/** Paces requests to one Jira site through a shared store; `site` names the budget. */
export class JiraRateLimiter {
  private lastPrune = 0;

  constructor(
    private readonly store: RateLimitStore,
    readonly site: string,
    private readonly rules: RateLimitRules = defaultRateLimitRules,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Waits until this request may go. The per-issue budget is taken first and the site budget only
   * once that wait is over, so a queue of writes to one hot issue does not hold site slots it
   * cannot use yet. A wait longer than `maxWaitMs` is not slept: it is returned to the caller.
   */
  async acquire(
    request: RateLimitedRequest,
    wait: { sleep: (ms: number) => Promise<void>; maxWaitMs: number },
  ): Promise<{ acquired: true } | { acquired: false; waitMs: number }> {
    if (request.issueKey) {
      const issueWait = Math.max(
        ...(await Promise.all([
          this.store.reserve(this.site, issueBucket(request.issueKey, "2s"), this.rules.issueWriteShort),
          this.store.reserve(this.site, issueBucket(request.issueKey, "30s"), this.rules.issueWriteLong),
        ])),
      );
      if (issueWait > wait.maxWaitMs) return { acquired: false, waitMs: issueWait };
      if (issueWait > 0) await wait.sleep(issueWait);
    }
    const siteWait =
      request.method === "PUT" || request.method === "DELETE"
        ? await this.store.reserve(this.site, "put-delete", this.rules.putDelete)
        : await this.store.reserve(this.site, "get-post", this.rules.getPost);
    await this.pruneNowAndThen();
    if (siteWait > wait.maxWaitMs) return { acquired: false, waitMs: siteWait };
    if (siteWait > 0) await wait.sleep(siteWait);
    return { acquired: true };
  }

  /**
   * Jira answered 429: everyone stops for `durationMs`. A per-issue limit (`jira-per-issue-on-write`)
   * pauses writes to that issue only.
   */
  async rateLimited(request: RateLimitedRequest, reason: string | null, durationMs: number): Promise<void> {
    const perIssue = reason === "jira-per-issue-on-write" && request.issueKey;
    const bucket = perIssue ? issueBucket(request.issueKey ?? "", "2s") : wholeSite;
    await this.store.block(this.site, bucket, durationMs);
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < pruneEveryMs) return;
    this.lastPrune = now;
    // Pruning is housekeeping: a failure must not fail the request that triggered it.
    await this.store.prune(60 * 60_000).catch(() => 0);
  }
}

function issueBucket(issueKey: string, window: string): string {
  return `issue:${issueKey.toUpperCase()}:${window}`;
}
