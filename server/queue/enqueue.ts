import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import { type TaskName, type TaskPayload, taskNamed } from "./tasks/index.ts";

/**
 * `jobKeyMode`: "replace" (default) moves a waiting job with the same key to this payload and
 * time; "preserve_run_at" keeps its time (a nudge never cuts a backoff short).
 */
export type EnqueueOptions = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string; jobKeyMode?: "replace" | "preserve_run_at" };

/**
 * Adds a job with graphile-worker's own SQL function, on the given connection — pass the
 * transaction of the write that causes the job, and a rollback takes the job with it. The
 * payload is checked against the task's schema here too, so a bad job is never stored.
 */
export async function enqueue<Name extends TaskName>(db: Db, task: Name, payload: TaskPayload<Name>, options: EnqueueOptions = {}) {
  const parsed: unknown = taskNamed(task).payload.parse(payload);
  await sql`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(parsed)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text,
    job_key_mode => ${options.jobKeyMode ?? null}::text
  )`.execute(db);
}
