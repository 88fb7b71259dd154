import { concernsIssueFields, isIssueDeleted, isLinkEvent, isSprintEvent } from "../../../integrations/jira/webhooks/delivery.ts";
import type { AppDeps } from "../../deps.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { findLinkByIssue, updateLink } from "../../models/jira-links.ts";
import { findDelivery, markDelivery } from "../../models/jira-webhook-deliveries.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { applyPlanningWebhook } from "../planning/webhook-agile.ts";
import { publishIssueWebhook } from "./webhook-events.ts";

/**
 * Turns one stored delivery into work (docs/WEBHOOKS.md). A delivery is a hint: for a linked
 * issue it enqueues the link's sync job, which re-reads the issue and the use case. Idempotent:
 * a delivery already handled is left alone. Sprint and issue-link deliveries concern no use case:
 * they go to PI planning, which records what it did with them.
 */
export async function ingestDelivery(deps: AppDeps, deliveryId: string): Promise<void> {
  const delivery = await findDelivery(deps.db, deliveryId);
  if (!delivery || delivery.status !== "received") return;
  const { workspace_id: workspaceId } = delivery;
  if (isSprintEvent(delivery) || isLinkEvent(delivery)) {
    const issueIds = [delivery.issue_id, delivery.linked_issue_id].filter((id): id is string => id !== null);
    const kind = isSprintEvent(delivery) ? "sprint" : "link";
    const outcome = await applyPlanningWebhook(deps, { workspaceId, event: delivery.event, kind, sprintId: delivery.sprint_id, issueIds, receivedAt: delivery.received_at });
    await markDelivery(deps.db, deliveryId, outcome.status, outcome.note);
    return;
  }
  const issue = { id: delivery.issue_id, key: delivery.issue_key };
  const link = issue.id || issue.key ? await findLinkByIssue(deps.db, workspaceId, issue) : undefined;

  if (!(await loadFeatures(deps.db, workspaceId)).fromJira) {
    await markDelivery(deps.db, deliveryId, "ignored", "“From Jira” is switched off.");
  } else if (!link) {
    await markDelivery(deps.db, deliveryId, "ignored", issue.id || issue.key ? "The issue is not linked to a use case." : "The delivery names no issue.");
  } else if (isIssueDeleted(delivery)) {
    await deps.db.transaction().execute(async (trx) => {
      await updateLink(trx, link.id, {
        state: "broken",
        state_code: "issue_deleted",
        state_reason: `The Jira issue ${delivery.issue_key ?? link.issue_key ?? delivery.issue_id ?? ""} was deleted in Jira. The use case is kept; unlink it, or link it to another issue.`,
      });
      await markDelivery(trx, deliveryId, "broken", "The linked issue was deleted in Jira.");
    });
  } else if (concernsIssueFields(delivery)) {
    await deps.db.transaction().execute(async (trx) => {
      await enqueue(trx, "jira_sync_link", { linkId: link.id, trigger: "webhook" }, { jobKey: linkSyncJobKey(link.id) });
      await markDelivery(trx, deliveryId, "synced");
    });
  } else {
    await markDelivery(deps.db, deliveryId, "ignored", "Comment and worklog events change no synced field.");
  }

  await publishIssueWebhook(
    { workspaceId, event: delivery.event, issueId: delivery.issue_id, issueKey: delivery.issue_key, useCaseId: link?.use_case_id ?? null, receivedAt: delivery.received_at },
    deps,
  );
}
