import type { SyncJobProgress } from "../../common/contracts/jira-reconcile.ts";
import type { JiraSyncJobRow } from "../models/jira-sync-jobs.ts";

export function presentSyncJob(job: JiraSyncJobRow): SyncJobProgress {
  return {
    id: job.id,
    // PI re-syncs (planning_resync) are presented by server/commands/planning/resync-job.ts.
    kind: job.kind === "import" ? "import" : "resync",
    state: job.state,
    total: job.total,
    done: job.done,
    failed: job.failed,
    skipped: job.skipped,
    message: job.message,
    createdAt: job.created_at.toISOString(),
    finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
  };
}
