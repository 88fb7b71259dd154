import { refreshPlanningCards } from "../planning/webhook-refresh.ts";
import { onUseCaseChanged } from "../use-case-events.ts";
import { invalidateEpicListing } from "./epic-listing-invalidate.ts";
import { scheduleLinkSync } from "./schedule-sync.ts";
import { onIssueWebhook } from "./webhook-events.ts";

let subscribed = false;

/**
 * Wires the sync engine to the events it reacts to, once per process (web and worker both call
 * it): saves of mapped fields schedule their push in the saving transaction; an issue webhook
 * drops cached Epic listings that hold that issue.
 */
export function subscribeJiraSync(): void {
  if (subscribed) return;
  subscribed = true;
  onUseCaseChanged(scheduleLinkSync);
  onIssueWebhook(async (event, deps) => {
    await invalidateEpicListing(deps.db, event.workspaceId, { issueKey: event.issueKey });
  });
  onIssueWebhook((event, deps) => refreshPlanningCards(deps, event));
}
