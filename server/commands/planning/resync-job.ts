import type { PlanningResyncJob } from "../../../common/contracts/planning.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { createSyncJob, findSyncJob, type JiraSyncJobRow, updateSyncJob } from "../../models/jira-sync-jobs.ts";
import { findPi, teamsOf } from "../../models/planning.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { authorisePlanning, type PlanningCaller, requirePi } from "./access.ts";
import { pullPi, type ResyncProgress } from "./resync.ts";

const phases = ["sprints", "issues", "links", "saving"] as const;

export function presentResyncJob(job: JiraSyncJobRow): PlanningResyncJob {
  const piId = typeof job.request["piId"] === "string" ? job.request["piId"] : "";
  const phase = phases.find((candidate) => candidate === job.phase) ?? null;
  const result = job.result as PlanningResyncJob["result"];
  const teamId = typeof job.request["teamId"] === "string" ? job.request["teamId"] : null;
  return {
    id: job.id,
    piId,
    teamId,
    state: job.state,
    phase,
    done: job.done,
    total: job.total,
    message: job.message,
    result: result ?? null,
    createdAt: job.created_at.toISOString(),
    finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
  };
}

/** Queues a re-sync of the PI, or of one team's board in it (Admins and Moderators); answers with its progress handle. */
export async function startPiResync(deps: AppDeps, caller: PlanningCaller, piId: string, teamId?: string): Promise<PlanningResyncJob> {
  authorisePlanning(caller, "planning.setup");
  const pi = await requirePi(deps, caller, piId);
  if (teamId && !(await teamsOf(deps.db, [pi.id])).some((team) => team.id === teamId)) throw new AppError("not_found", "That team is not part of this program increment.");
  const job = await deps.db.transaction().execute(async (trx) => {
    const created = await createSyncJob(trx, { workspaceId: caller.workspaceId, kind: "planning_resync", request: teamId ? { piId: pi.id, teamId } : { piId: pi.id }, createdBy: caller.userId });
    await enqueue(trx, "planning_resync", { jobId: created.id });
    return created;
  });
  return presentResyncJob(job);
}

/** The progress of one PI re-sync; an unknown job, or one of another PI, is not found. */
export async function readPiResync(deps: AppDeps, caller: PlanningCaller, piId: string, jobId: string): Promise<PlanningResyncJob> {
  authorisePlanning(caller, "planning.setup");
  await requirePi(deps, caller, piId);
  const job = await findSyncJob(deps.db, caller.workspaceId, jobId);
  if (!job || job.kind !== "planning_resync" || job.request["piId"] !== piId) throw new AppError("not_found", "That re-sync was not found.");
  return presentResyncJob(job);
}

/** The worker's side: runs the pull and records phase, counts and the outcome on the job row. */
export async function runPiResync(deps: AppDeps, jobId: string): Promise<void> {
  const job = await deps.db.selectFrom("jira_sync_jobs").selectAll().where("id", "=", jobId).executeTakeFirst();
  if (!job || job.kind !== "planning_resync" || job.state === "done" || job.state === "failed") return;
  const piId = typeof job.request["piId"] === "string" ? job.request["piId"] : "";
  const pi = await findPi(deps.db, job.workspace_id, piId);
  if (!pi) {
    await updateSyncJob(deps.db, jobId, { state: "failed", message: "The program increment no longer exists.", finished_at: new Date() });
    return;
  }
  await updateSyncJob(deps.db, jobId, { state: "running" });
  const report = async (progress: ResyncProgress) => {
    await deps.db.updateTable("jira_sync_jobs").set({ phase: progress.phase, done: progress.done, total: progress.total }).where("id", "=", jobId).execute();
  };
  try {
    const teamId = typeof job.request["teamId"] === "string" ? job.request["teamId"] : undefined;
    const outcome = await pullPi(deps, pi, report, teamId);
    await deps.db.updateTable("jira_sync_jobs").set({ state: "done", done: outcome.cards, total: outcome.cards, result: JSON.stringify(outcome), finished_at: new Date() }).where("id", "=", jobId).execute();
  } catch (error) {
    // A refusal is the job's outcome; anything else is recorded and rethrown so the queue retries.
    const message = (error instanceof AppError) ? error.message : "The re-sync failed unexpectedly; it will be retried.";
    await updateSyncJob(deps.db, jobId, { state: (error instanceof AppError) ? "failed" : "running", message, error_code: (error instanceof AppError) ? error.code : null, finished_at: (error instanceof AppError) ? new Date() : null });
    if (!(error instanceof AppError)) throw error;
  }
}
