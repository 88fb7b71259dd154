import type { MiddlewareHandler } from "hono";
import type { SimRuntime } from "../runtime.ts";
import type { SimEnv } from "./router.ts";

const writeMethods = new Set(["POST", "PUT", "DELETE"]);
const issuePath = /^\/rest\/api\/[23]\/issue\/([^/]+)(?:\/|$)/;
const notIssueKeys = new Set(["bulk", "bulkfetch", "createmeta", "picker", "properties", "archive", "unarchive", "watching", "limit"]);

/** Sliding one-window counter. */
class WindowCounter {
  private readonly hits: number[] = [];
  constructor(private readonly windowMs: () => number) {}
  hit(now: number): number {
    const since = now - this.windowMs();
    while (this.hits.length > 0 && (this.hits[0] ?? 0) <= since) this.hits.shift();
    this.hits.push(now);
    return this.hits.length;
  }
  oldest(): number {
    return this.hits[0] ?? 0;
  }
}

/** When each admitted write to one issue happened, oldest first, kept as long as the longest window. */
class IssueWriteHistory {
  private times: number[] = [];

  /** How many writes fall in the window, and when enough of them leave it for one more to fit under `max`. */
  load(now: number, windowMs: number, max: number): { count: number; freeAt: number } {
    const since = now - windowMs;
    let first = 0;
    while (first < this.times.length && (this.times[first] ?? 0) <= since) first++;
    const count = this.times.length - first;
    const leaving = this.times[first + Math.max(0, count - max)] ?? now;
    return { count, freeAt: leaving + windowMs };
  }

  record(now: number, keepMs: number): void {
    const since = now - keepMs;
    if ((this.times[0] ?? now) <= since) this.times = this.times.filter((time) => time > since);
    this.times.push(now);
  }
}

function rateLimited(reason: string, limit: number, retryAfterSeconds: number | null, resetAt: number): Response {
  const headers: Record<string, string> = {
    "Content-Type": "application/json;charset=UTF-8",
    "RateLimit-Reason": reason,
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": "0",
    "X-RateLimit-Reset": new Date(resetAt).toISOString(),
    "X-RateLimit-NearLimit": "true",
  };
  if (retryAfterSeconds !== null) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(JSON.stringify({ errorMessages: ["Rate limit exceeded."], errors: {} }), { status: 429, headers });
}

function serverError(status: 500 | 502 | 503): Response {
  // Gateways in front of Jira answer 502/503 with HTML, so clients must not assume a JSON body.
  if (status === 500) {
    return new Response(JSON.stringify({ errorMessages: ["Internal server error"], errors: {} }), { status, headers: { "Content-Type": "application/json;charset=UTF-8" } });
  }
  const title = status === 502 ? "502 Bad Gateway" : "503 Service Unavailable";
  return new Response(`<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`, { status, headers: { "Content-Type": "text/html" } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Injects latency, 5xx, 429s (quota, burst, per-issue) and commit-then-reset, per the runtime's fault config. */
export function faultMiddleware(runtime: SimRuntime): MiddlewareHandler<SimEnv> {
  const burstGetPost = new WindowCounter(() => 1000);
  const burstPutDelete = new WindowCounter(() => 1000);
  const perIssue = new Map<number, IssueWriteHistory>();

  return async (c, next) => {
    const faults = runtime.faults;
    if (faults.onlyPaths.length > 0 && !faults.onlyPaths.some((part) => c.req.path.includes(part))) return next();
    const method = c.req.method;
    const now = Date.now();
    if (faults.latencyMs > 0 || faults.jitterMs > 0) await sleep(faults.latencyMs + Math.random() * faults.jitterMs);

    if (faults.burstLimit.enabled) {
      const putDelete = method === "PUT" || method === "DELETE";
      const counter = putDelete ? burstPutDelete : burstGetPost;
      const limit = putDelete ? faults.burstLimit.putDeletePerSecond : faults.burstLimit.getPostPerSecond;
      if (counter.hit(now) > limit) {
        const resetAt = counter.oldest() + 1000;
        return rateLimited("jira-burst-based", limit, Math.max(1, Math.ceil((resetAt - now) / 1000)), resetAt);
      }
    }
    if (faults.rateLimitRate > 0 && Math.random() < faults.rateLimitRate) {
      return rateLimited("jira-quota-tenant-based", 100, faults.retryAfterSeconds, now + (faults.retryAfterSeconds ?? 1) * 1000);
    }
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) return serverError(faults.errorStatus);

    const write = writeMethods.has(method);
    if (write && faults.perIssueWriteLimit.enabled) {
      const match = issuePath.exec(c.req.path);
      const ref = match?.[1];
      const issue = ref && !notIssueKeys.has(ref) ? runtime.store.issueByIdOrKey(decodeURIComponent(ref)) : undefined;
      if (issue) {
        let history = perIssue.get(issue.id);
        if (!history) perIssue.set(issue.id, (history = new IssueWriteHistory()));
        const { max, windowMs, sustainedMax, sustainedWindowMs } = faults.perIssueWriteLimit;
        // Both limits apply at once; a refused write is not counted, so waiting Retry-After is enough.
        let refusal: { limit: number; freeAt: number } | null = null;
        for (const window of [{ limit: max, windowMs }, { limit: sustainedMax, windowMs: sustainedWindowMs }]) {
          const { count, freeAt } = history.load(now, window.windowMs, window.limit);
          if (count >= window.limit && (!refusal || freeAt > refusal.freeAt)) refusal = { limit: window.limit, freeAt };
        }
        if (refusal) return rateLimited("jira-per-issue-on-write", refusal.limit, Math.max(1, Math.ceil((refusal.freeAt - now) / 1000)), refusal.freeAt);
        history.record(now, Math.max(windowMs, sustainedWindowMs));
      }
    }

    await next();

    if (write && c.res.status < 300 && faults.resetAfterWriteRate > 0 && Math.random() < faults.resetAfterWriteRate) {
      // The write is committed; the client only sees the connection die.
      c.env.incoming.socket.destroy();
    }
  };
}
