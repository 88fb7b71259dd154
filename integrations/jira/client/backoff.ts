export type BackoffPolicy = {
  /** Delay ceiling of the first retry; doubles per attempt. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
};

export const defaultBackoff: BackoffPolicy = { baseMs: 250, capMs: 30_000 };

/**
 * Exponential backoff with full jitter (a uniformly random wait in [0, min(cap, base·2^attempt)]),
 * so many workers hit by the same outage do not come back in lockstep. `attempt` starts at 0.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * Wait before the next attempt: at least until Jira's `retryAt` when it gave one (plus up to 10 %
 * jitter, at most 1 s, so waiting workers spread out), otherwise the jittered backoff.
 */
export function retryDelay(
  attempt: number,
  retryAt: Date | undefined,
  now: Date,
  policy: BackoffPolicy = defaultBackoff,
  random = Math.random,
): number {
  if (!retryAt) return backoffDelay(attempt, policy, random);
  const untilRetryAt = Math.max(0, retryAt.getTime() - now.getTime());
  return untilRetryAt + Math.floor(random() * Math.min(1000, Math.max(50, untilRetryAt * 0.1)));
}
