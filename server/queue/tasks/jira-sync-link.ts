import { syncLink } from "../../commands/jira/sync-link.ts";
import { addJob } from "../add-job.ts";
import { linkSyncJobKey } from "../job-keys.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";


/**
 * Brings one link into agreement (docs/SYNC.md). At-least-once and idempotent: a re-run reads both
 * sides again and finds nothing to do. A run that must wait (rate limit, unconfirmed create,
 * stale read) schedules its own next run under the same job key, so later edits merge into it.
 */
export const jiraSyncLink = defineTask({
  name: "jira_sync_link",
  payload: taskPayloads.jira_sync_link,
  async handler({ linkId, trigger }, deps) {
    const run = await syncLink(deps, linkId, trigger);
    if (run.rerunAt) await addJob(deps.db, "jira_sync_link", { linkId, trigger }, { jobKey: linkSyncJobKey(linkId), runAt: run.rerunAt });
  },
});
