import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

/**
 * `jobKeyMode`: "replace" (default) moves a waiting job with the same key to this payload and
 * time; "preserve_run_at" keeps its time (a nudge never cuts a backoff short).
 */
export type EnqueueOptions = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string; jobKeyMode?: "replace" | "preserve_run_at" };

/**
 * graphile-worker's own `add_job`, on the given connection (a transaction: a rollback takes the
 * job with it). Unchecked: callers go through `enqueue`, except a task re-adding its own,
 * already parsed payload.
 */
export async function addJob(db: Db, task: string, payload: unknown, options: EnqueueOptions = {}) {
  await sql`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => ${options.jobKeyMode ?? null}::text
  )`.execute(db);
}
