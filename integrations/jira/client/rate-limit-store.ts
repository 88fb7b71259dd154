/**
 * Shared rate-limit state for one Jira site. Every worker process talking to the same site must
 * use one store (PostgreSQL in production) so they spend one budget together and all pause after
 * a 429.
 *
 * The algorithm is GCRA ("generic cell rate algorithm", a token bucket kept as a single
 * timestamp): each request reserves the next slot and learns how long to wait for it, so callers
 * never poll and a reservation is one atomic write.
 */
export type RateLimitRule = {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell. Any window of W seconds sees ≤ burst + rate·W. */
  burst: number;
};

/** The bucket name that blocks every bucket of a site. */
export const wholeSite = "*";

export interface RateLimitStore {
  /** Reserves one request slot; resolves with the milliseconds to wait before sending it. */
  reserve(site: string, bucket: string, rule: RateLimitRule): Promise<number>;
  /** After a 429: no reservation on `bucket` (or the whole site, `wholeSite`) starts sooner than `durationMs` from now. */
  block(site: string, bucket: string, durationMs: number): Promise<void>;
  /** Forget buckets idle for `idleMs` (per-issue buckets would otherwise pile up). */
  prune(idleMs: number): Promise<number>;
}

type BucketState = { tat: number; blockedUntil: number };

/** One process only: for unit tests and single-process setups. */
export class InMemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, BucketState>();

  constructor(private readonly now: () => number = Date.now) {}

  async reserve(site: string, bucket: string, rule: RateLimitRule): Promise<number> {
    const now = this.now();
    const state = this.state(site, bucket, now);
    const blockedUntil = Math.max(state.blockedUntil, this.buckets.get(key(site, wholeSite))?.blockedUntil ?? -Infinity);
    const { tat, waitMs } = nextSlot(state.tat, blockedUntil, now, rule);
    state.tat = tat;
    return waitMs;
  }

  async block(site: string, bucket: string, durationMs: number): Promise<void> {
    const now = this.now();
    const state = this.state(site, bucket, now);
    state.blockedUntil = Math.max(state.blockedUntil, now + durationMs);
  }

  async prune(idleMs: number): Promise<number> {
    const cutoff = this.now() - idleMs;
    let removed = 0;
    for (const [name, state] of this.buckets) {
      if (state.tat < cutoff && state.blockedUntil < cutoff) {
        this.buckets.delete(name);
        removed += 1;
      }
    }
    return removed;
  }

  private state(site: string, bucket: string, now: number): BucketState {
    const name = key(site, bucket);
    let state = this.buckets.get(name);
    if (!state) {
      state = { tat: now, blockedUntil: -Infinity };
      this.buckets.set(name, state);
    }
    return state;
  }
}

/**
 * The GCRA step, shared with the SQL in pg-rate-limit-store.ts (keep them equal). A block acts as
 * if the bucket were empty at its end, so requests resume at the sustained rate, not in a burst.
 */
export function nextSlot(
  tat: number,
  blockedUntil: number,
  now: number,
  rule: RateLimitRule,
): { tat: number; waitMs: number } {
  const interval = 1000 / rule.ratePerSecond;
  const start = Math.max(tat, now, blockedUntil + (rule.burst - 1) * interval);
  const next = start + interval;
  return { tat: next, waitMs: Math.max(0, next - rule.burst * interval - now) };
}

function key(site: string, bucket: string): string {
  return `${site}\u0000${bucket}`;
}
