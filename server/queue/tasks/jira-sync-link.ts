import { z } from "zod";
import { syncLink } from "../../commands/jira/sync-link.ts";
import { enqueue } from "../enqueue.ts";
import type { TaskDeps } from "../task-deps.ts";

const Payload = z.object({ linkId: z.uuid(), trigger: z.enum(["save", "webhook", "reconcile", "manual", "link", "mapping"]).default("save") });

export const linkSyncJobKey = (linkId: string) => `jira-sync:${linkId}`;

/**
 * Brings one link into agreement (docs/SYNC.md). At-least-once and idempotent: a re-run reads both
 * sides again and finds nothing to do. A run that must wait (rate limit, unconfirmed create,
 * stale read) schedules its own next run under the same job key, so later edits merge into it.
 */
export async function jiraSyncLink(payload: unknown, deps: TaskDeps): Promise<void> {
  const { linkId, trigger } = Payload.parse(payload);
  const run = await syncLink(deps, linkId, trigger);
  if (run.rerunAt) await enqueue(deps.db, "jira_sync_link", { linkId, trigger }, { jobKey: linkSyncJobKey(linkId), runAt: run.rerunAt });
}
