import type pg from "pg";
import { type RateLimitRule, type RateLimitStore, wholeSite } from "./rate-limit-store.ts";

/**
 * RateLimitStore shared by every worker through PostgreSQL (table from
 * server/db/migrations/0002_jira_rate_limits.sql). Each call is one statement: the row lock of the
 * upsert serialises concurrent reservations, and time is the database's clock, so workers on
 * machines with skewed clocks still agree.
 *
 * The clock is clock_timestamp() (the moment the row lock is held), not now() (the moment the
 * statement began): a statement that began first but got the lock second would otherwise anchor
 * its slot in the past and report a wait longer than its slot's distance from the previous one.
 */
export class PgRateLimitStore implements RateLimitStore {
  constructor(private readonly pool: pg.Pool) {}

  async reserve(site: string, bucket: string, rule: RateLimitRule): Promise<number> {
    const result = await this.pool.query<{ wait_ms: number }>(reserveSql, [
      site,
      bucket,
      1 / rule.ratePerSecond,
      rule.burst,
      wholeSite,
    ]);
    return Math.ceil(Number(result.rows[0]?.wait_ms ?? 0));
  }

  async block(site: string, bucket: string, durationMs: number): Promise<void> {
    await this.pool.query(blockSql, [site, bucket, Math.max(0, durationMs) / 1000]);
  }

  async prune(idleMs: number): Promise<number> {
    const result = await this.pool.query(pruneSql, [idleMs / 1000]);
    return result.rowCount ?? 0;
  }
}

// Same step as nextSlot() in rate-limit-store.ts. $3 = seconds per request, $4 = burst.
// greatest() ignores NULLs, so a missing block is simply no block.
const reserveSql = `
WITH site_block AS (
  SELECT (SELECT blocked_until FROM jira_rate_limit WHERE site = $1 AND bucket = $5) AS until
)
INSERT INTO jira_rate_limit AS r (site, bucket, tat)
SELECT $1::text, $2::text,
  greatest(clock_timestamp(), s.until + ($4::int - 1) * $3::float8 * interval '1 second') + $3::float8 * interval '1 second'
FROM site_block s
ON CONFLICT (site, bucket) DO UPDATE SET
  tat = greatest(
    r.tat,
    clock_timestamp(),
    greatest(r.blocked_until, (SELECT until FROM site_block)) + ($4::int - 1) * $3::float8 * interval '1 second'
  ) + $3::float8 * interval '1 second'
RETURNING greatest(0, extract(epoch FROM r.tat - $4::int * $3::float8 * interval '1 second' - clock_timestamp()) * 1000)::float8 AS wait_ms`;

const blockSql = `
INSERT INTO jira_rate_limit AS r (site, bucket, tat, blocked_until)
VALUES ($1, $2, clock_timestamp(), clock_timestamp() + $3::float8 * interval '1 second')
ON CONFLICT (site, bucket) DO UPDATE SET blocked_until = greatest(r.blocked_until, excluded.blocked_until)`;

const pruneSql = `
DELETE FROM jira_rate_limit
WHERE tat < clock_timestamp() - $1::float8 * interval '1 second'
  AND (blocked_until IS NULL OR blocked_until < clock_timestamp() - $1::float8 * interval '1 second')`;
