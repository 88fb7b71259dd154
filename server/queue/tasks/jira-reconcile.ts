import { reconcileWorkspace } from "../../commands/jira/reconcile.ts";
import { workspacesDueForReconcile } from "../../models/jira-sync-settings.ts";
import { enqueue } from "../enqueue.ts";
import { reconcileJobKey } from "../job-keys.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** One reconciliation run for a workspace (docs/SYNC.md). Idempotent: it only enqueues sync jobs. */
export const jiraReconcile = defineTask({
  name: "jira_reconcile",
  payload: taskPayloads.jira_reconcile,
  async handler({ workspaceId }, deps) {
    const result = await reconcileWorkspace(deps, workspaceId);
    deps.logger.debug({ workspaceId, ...result }, "jira reconciliation run");
  },
});

/**
 * Every minute (crontab): enqueues `jira_reconcile` for each workspace whose interval elapsed.
 * The job key makes ticks of several worker processes one job per workspace.
 */
export const jiraReconcileDue = defineTask({
  name: "jira_reconcile_due",
  payload: taskPayloads.jira_reconcile_due,
  async handler(_payload, deps) {
    for (const workspaceId of await workspacesDueForReconcile(deps.db, new Date())) {
      await enqueue(deps.db, "jira_reconcile", { workspaceId }, { jobKey: reconcileJobKey(workspaceId), jobKeyMode: "preserve_run_at", maxAttempts: 1 });
    }
  },
});
