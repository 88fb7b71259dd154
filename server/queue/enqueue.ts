import type { Db } from "../db/pool.ts";
import { addJob, type EnqueueOptions } from "./add-job.ts";
import { type TaskName, type TaskPayload, taskPayloads } from "./payloads.ts";

export type { EnqueueOptions } from "./add-job.ts";

/**
 * Adds a job with graphile-worker's own SQL function, on the given connection — pass the
 * transaction of the write that causes the job, and a rollback takes the job with it. The
 * payload is checked against the task's schema here too, so a bad job is never stored.
 */
export async function enqueue<Name extends TaskName>(db: Db, task: Name, payload: TaskPayload<Name>, options: EnqueueOptions = {}) {
  await addJob(db, task, taskPayloads[task].parse(payload), options);
}
