/** What a Jira answer says about when to come back. */
export type RateLimitAdvice = {
  /** The earliest moment Jira will accept the request again; null when it did not say. */
  retryAt: Date | null;
  /** `RateLimit-Reason`, e.g. `jira-burst-based`, `jira-quota-tenant-based`, `jira-per-issue-on-write`. */
  reason: string | null;
};

type HeaderSource = { get(name: string): string | null };

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return new Date(now.getTime() + Math.ceil(Number(trimmed) * 1000));
  return parseDate(trimmed);
}

/** Jira Cloud sends `X-RateLimit-Reset` as an ISO 8601 timestamp; tolerate epoch seconds too. */
export function parseRateLimitReset(value: string | null): Date | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d{9,11}$/.test(trimmed)) return new Date(Number(trimmed) * 1000);
  return parseDate(trimmed);
}

export function readRateLimitAdvice(headers: HeaderSource, now: Date): RateLimitAdvice {
  const retryAt =
    parseRetryAfter(headers.get("retry-after"), now) ?? parseRateLimitReset(headers.get("x-ratelimit-reset"));
  const reason = headers.get("ratelimit-reason")?.trim() || null;
  // A date in the past means "now"; never report a retry time before the answer arrived.
  return { retryAt: retryAt && retryAt.getTime() < now.getTime() ? now : retryAt, reason };
}

function parseDate(text: string): Date | null {
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}
