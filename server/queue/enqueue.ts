import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { TaskName, TaskPayloads } from "./task-names.ts";

export type EnqueueOptions = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string };

/**
 * Adds a job with graphile-worker's own SQL function, on the given connection — pass the
 * transaction of the write that causes the job, and a rollback takes the job with it.
 */
export async function enqueue<T extends TaskName>(db: Db, task: T, payload: TaskPayloads[T], options: EnqueueOptions = {}) {
  await sql`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? null}::int,
    job_key => ${options.jobKey ?? null}::text
  )`.execute(db);
}
