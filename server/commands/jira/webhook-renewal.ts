import type { AppDeps } from "../../deps.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { webhookRegisterJobKey } from "../../queue/job-keys.ts";

/**
 * At worker start, every registered webhook is checked once against what this version of Tether
 * subscribes to: a registration made before an upgrade that added events (e.g. the sprint and
 * issue-link events of planning), or one an admin deleted in Jira, is renewed without anyone
 * pressing "Register now". The check is the registration job itself: it compares Jira's
 * registration with the wanted URL, events, JQL and secret, and does nothing when they agree
 * (one "list webhooks" call per workspace). The job key makes several workers one job each.
 */
export async function enqueueRegistrationChecks(deps: Pick<AppDeps, "db">): Promise<number> {
  const endpoints = await deps.db.selectFrom("jira_webhook_endpoints").select("workspace_id").where("state", "=", "registered").execute();
  for (const { workspace_id: workspaceId } of endpoints) {
    await enqueue(deps.db, "jira_webhook_register", { workspaceId }, { jobKey: webhookRegisterJobKey(workspaceId) });
  }
  return endpoints.length;
}
