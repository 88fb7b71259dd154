import type { SyncField } from "../../../common/contracts/jira-mapping.ts";
import { flowsToJira } from "../../../integrations/jira/sync/field-kinds.ts";
import type { Db } from "../../db/pool.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import { findLinkByUseCase, markTetherChanged } from "../../models/jira-links.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import type { UseCaseChangedSubscriber } from "../use-case-events.ts";

const PUSH_MIN_INTERVAL_MS = 1000;

/** History field names → the sync fields they affect (WSJF follows its four inputs). */
const affects: Record<string, SyncField[]> = {
  title: ["title"],
  description: ["description"],
  status: ["status"],
  assignee: ["assignee"],
  priority: ["priority"],
  tags: ["tags"],
  targetDate: ["targetDate"],
  storyPoints: ["storyPoints"],
  businessValue: ["businessValue", "wsjf"],
  timeCriticality: ["timeCriticality", "wsjf"],
  riskReduction: ["riskReduction", "wsjf"],
  jobSize: ["jobSize", "wsjf"],
};

/**
 * Called inside the transaction that saved a use case: when a field mapped towards Jira changed,
 * the link is marked and its sync job enqueued — in the same transaction, so a rollback takes the
 * job with it. Changes that came from Jira are never sent back (SYNC-PITFALLS 1).
 */
export const scheduleLinkSync: UseCaseChangedSubscriber = async (trx: Db, event) => {
  if (event.source === "jira") return;
  const input = { ...event, changedFields: event.changes.map((change) => change.field) };
  const link = await findLinkByUseCase(trx, input.workspaceId, input.useCaseId);
  if (!link) return;
  const stored = await findMapping(trx, input.workspaceId);
  if (!stored) return;
  // Custom fields are recorded as `customFields.<key>` and mapped as `cf.<key>`.
  const affected = (field: string): SyncField[] => (field.startsWith("customFields.") ? [`cf.${field.slice("customFields.".length)}`] : (affects[field] ?? []));
  const touched = new Set<SyncField>(input.changedFields.flatMap(affected));
  const mapped = stored.mapping.fields.filter((entry) => touched.has(entry.tetherField) && flowsToJira(entry.direction)).map((entry) => entry.tetherField);
  if (mapped.length === 0) return;
  const burstStartedAt = await markTetherChanged(trx, link.id, mapped);
  // The first save of a burst goes out at once; saves after it (also while its push is in flight)
  // wait until a second after the burst began and after the last push, and ride on one push.
  const nextAllowed = Math.max(burstStartedAt ? burstStartedAt.getTime() + PUSH_MIN_INTERVAL_MS : 0, link.last_pushed_at ? link.last_pushed_at.getTime() + PUSH_MIN_INTERVAL_MS : 0);
  const runAt = nextAllowed > Date.now() ? { runAt: new Date(nextAllowed) } : {};
  await enqueue(trx, "jira_sync_link", { linkId: link.id, trigger: "save" }, { jobKey: linkSyncJobKey(link.id), ...runAt });
};
