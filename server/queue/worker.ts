import { type Logger as WorkerLogger, run, type Runner, type Task, type TaskList } from "graphile-worker";
import { Logger as GraphileLogger } from "graphile-worker";
import type { AppDeps } from "../deps.ts";
import { subscribeJiraSync } from "../commands/jira/subscriptions.ts";
import { enqueueRegistrationChecks } from "../commands/jira/webhook-renewal.ts";
import { runTask, tasks } from "./tasks/index.ts";

type TaskDeps = AppDeps;

/** Recurring jobs (graphile-worker's crontab: one run per slot across all worker processes). */
const crontab = ["7 * * * * purge_expired", "* * * * * jira_reconcile_due"].join("\n");

function taskList(deps: TaskDeps): TaskList {
  const list: TaskList = {};
  for (const definition of tasks) {
    const name = definition.name;
    const task: Task = async (payload) => {
      const stop = deps.metrics.jobDuration.startTimer({ task: name });
      try {
        await runTask(definition, payload, deps);
        deps.metrics.jobsCompleted.inc({ task: name, outcome: "success" });
      } catch (error) {
        deps.metrics.jobsCompleted.inc({ task: name, outcome: "failure" });
        deps.logger.warn({ err: error, task: name }, "job failed; graphile-worker will retry with backoff");
        throw error;
      } finally {
        stop();
      }
    };
    list[name] = task;
  }
  return list;
}

// PostgreSQL's "terminating connection due to administrator command": the database is stopping.
const ADMIN_SHUTDOWN = "57P01";

const errorCode = (meta: Record<string, unknown> | undefined) => {
  const error = meta?.error;
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
};

function workerLogger(deps: TaskDeps, isStopping: () => boolean): WorkerLogger {
  let databaseStopping = false;
  return new GraphileLogger(() => (level, message, meta) => {
    // While we stop, or the database stops (Ctrl-C reaches PostgreSQL too), connections close under
    // the worker: expected, said once as a warning, not a stream of errors.
    if (isStopping() || databaseStopping) return;
    if (errorCode(meta) === ADMIN_SHUTDOWN) {
      databaseStopping = true;
      deps.logger.warn({ component: "worker" }, "PostgreSQL is shutting down; the worker stops listening for jobs");
      return;
    }
    const log = deps.logger.child({ component: "worker", ...(meta ?? {}) });
    if (level === "error") log.error(message);
    else if (level === "warning") log.warn(message);
    else log.debug(message);
  });
}

export type Worker = { runner: Runner; stop(): Promise<void> };

/** Runs graphile-worker in this process. Several processes may run it against one database. */
export async function startWorker(deps: TaskDeps): Promise<Worker> {
  // Jobs apply Jira changes (and may save use cases): the same subscriptions as the web process.
  subscribeJiraSync();
  let stopping = false;
  const runner = await run({
    pgPool: deps.pool,
    taskList: taskList(deps),
    crontab,
    concurrency: deps.env.WORKER_CONCURRENCY,
    noHandleSignals: true,
    // Jobs due later (a coalesced push waits out its 1 s window) are found by polling, not NOTIFY.
    pollInterval: 250,
    logger: workerLogger(deps, () => stopping),
  });
  // Registrations made by an older Tether (fewer events) or deleted in Jira are renewed.
  await enqueueRegistrationChecks(deps).catch((error: unknown) => deps.logger.warn({ err: error }, "could not queue the webhook registration checks; they run at the next start"));
  return {
    runner,
    stop: async () => {
      stopping = true;
      await runner.stop();
    },
  };
}
