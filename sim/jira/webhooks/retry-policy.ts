import type { PostResult } from "./post.ts";

/**
 * Jira Cloud's webhook retry policy (Atlassian's announcement of it: "Retries are attempted when
 * the callback server returns 408, 409, 425, 429, 5xx, or the connection fails or times out …
 * webhooks might be delivered later than usual, up to 30 minutes"). Five retries; the schedule
 * between them is not published, so the sim backs off exponentially with jitter and keeps the
 * last retry within 30 minutes of the first attempt.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 425, 429]);

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || RETRYABLE_STATUSES.has(status);
}

/** A receiver that could not take the delivery: a retryable status, a timeout or a network error. */
export function isRetryable(result: PostResult): boolean {
  return result.kind === "error" || isRetryableStatus(result.status);
}

/** Cloud: the first attempt plus five retries. Data Center does not retry at all. */
export const CLOUD_MAX_ATTEMPTS = 6;

/**
 * The first retry waits up to this long, each later one up to twice the one before:
 * 58 s × (1 + 2 + 4 + 8 + 16) = 29 min 58 s at most in all, Cloud's "up to 30 minutes".
 */
export const CLOUD_BASE_DELAY_MS = 58_000;

export type RetrySchedule = {
  baseDelayMs: number;
  /** Multiplies every wait: 1 is real time; tests compress 30 minutes with e.g. 0.001 (1.8 s). */
  timeScale: number;
};

/** How long to wait before retry number `retry` (1 = the first retry); `draw` is uniform in [0, 1). */
export function retryDelayMs(retry: number, schedule: RetrySchedule, draw: number): number {
  const ceiling = schedule.baseDelayMs * 2 ** (retry - 1);
  // Between half and all of the ceiling, so retries of many deliveries spread out but never run late.
  return ceiling * (0.5 + 0.5 * draw) * schedule.timeScale;
}

/** The latest a delivery's last attempt can start after its first one (timeouts not counted). */
export function latestLastRetryMs(maxAttempts: number, schedule: RetrySchedule): number {
  let total = 0;
  for (let retry = 1; retry < maxAttempts; retry += 1) total += schedule.baseDelayMs * 2 ** (retry - 1) * schedule.timeScale;
  return total;
}
