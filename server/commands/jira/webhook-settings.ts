import type { VerifyWebhookResult, WebhookView } from "../../../common/contracts/jira-webhook.ts";
import { subscribedEvents } from "../../../integrations/jira/webhooks/delivery.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../../models/audit-log.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { deliveriesSince, deliveryStats } from "../../models/jira-webhook-deliveries.ts";
import { endpointSecret, ensureEndpoint, updateEndpoint, type WebhookEndpointRow } from "../../models/jira-webhook-endpoints.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { webhookRegisterJobKey } from "../../queue/job-keys.ts";
import { webhookJql } from "./webhook-registration.ts";
import { webhookBaseUrl, webhookUrl } from "./webhook-url.ts";

const majorVersion = (connection: ConnectionRow) => Number.parseInt(connection.server_version?.split(".")[0] ?? "", 10);
/** Cloud and Data Center 10+ sign; Data Center ≤ 9 cannot (unknown version: assume it can). */
const jiraSigns = (connection: ConnectionRow) => connection.kind.startsWith("cloud") || !(majorVersion(connection) <= 9);

async function connected(deps: AppDeps, workspaceId: string): Promise<{ connection: ConnectionRow; endpoint: WebhookEndpointRow }> {
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) throw new AppError("not_connected", "Connect Jira first (Settings → Integrations → Jira).");
  return { connection, endpoint: await ensureEndpoint(deps.db, deps.secretBox, workspaceId) };
}

function manualSteps(connection: ConnectionRow, url: string | null, jql: string, acceptUnsigned: boolean): string[] {
  if (!url) return ["Set PUBLIC_URL to the address Jira reaches Tether at, and restart Tether; the webhook URL is built from it."];
  const cloud = connection.kind.startsWith("cloud");
  const steps = [
    cloud ? "In Jira, open Settings (⚙) → System → WebHooks, and choose “Create a WebHook”." : "In Jira, open Administration (⚙) → System → WebHooks, and choose “Create a WebHook”.",
    "Name: Tether. Status: Enabled.",
    `URL: ${url}`,
    "Events: under “Issue”, tick created, updated and deleted; under “Issue link”, created and deleted; under “Sprint”, created, updated, started, closed and deleted (PI planning uses the sprint and link events). Comment events are harmless but not needed.",
    `That is: ${subscribedEvents.join(", ")}.`,
    `JQL filter for the issue events: ${jql || "(leave empty)"} (Jira does not apply it to sprint and link events).`,
    "Leave “Exclude body” unticked.",
  ];
  if (jiraSigns(connection)) steps.push("Secret: paste the secret shown by “Reveal secret” (Admins and Moderators only). Jira signs every delivery with it.");
  else steps.push(
    "This Jira (Data Center 9 or older) has no secret field and cannot sign deliveries.",
    acceptUnsigned ? "Tether accepts unsigned deliveries at this URL only: its path is the secret, so keep it private." : "Switch on “Accept unsigned deliveries” here first, or Tether will refuse them (401).",
  );
  steps.push("Save, then press “Verify” here and edit an issue of the project in Jira within 30 seconds.");
  return steps;
}

export async function webhookView(deps: AppDeps, workspaceId: string): Promise<WebhookView> {
  const { connection, endpoint } = await connected(deps, workspaceId);
  const url = webhookUrl(webhookBaseUrl(deps, connection.base_url), endpoint.path_id);
  const jql = await webhookJql(deps, endpoint, connection);
  const stats = await deliveryStats(deps.db, workspaceId);
  return {
    state: endpoint.state,
    reason: endpoint.state_reason,
    url,
    events: subscribedEvents,
    jql,
    customJql: endpoint.custom_jql,
    acceptUnsigned: endpoint.accept_unsigned,
    jiraSigns: jiraSigns(connection),
    lastDeliveryAt: stats.lastDeliveryAt?.toISOString() ?? null,
    lastRejected: endpoint.last_rejected_at ? { at: endpoint.last_rejected_at.toISOString(), reason: endpoint.last_rejected_reason ?? "" } : null,
    counts: stats.counts,
    manualSteps: endpoint.state === "registered" || endpoint.state === "off" ? [] : manualSteps(connection, url, jql, endpoint.accept_unsigned),
  };
}

/** Saves the JQL filter / unsigned mode and schedules the registration to follow. */
export async function saveWebhookSettings(deps: AppDeps, workspaceId: string, actorId: string, body: { customJql?: string | null | undefined; acceptUnsigned?: boolean | undefined }) {
  await connected(deps, workspaceId);
  await deps.db.transaction().execute(async (trx) => {
    await updateEndpoint(trx, workspaceId, {
      ...(body.customJql === undefined ? {} : { custom_jql: body.customJql }),
      ...(body.acceptUnsigned === undefined ? {} : { accept_unsigned: body.acceptUnsigned }),
    });
    await recordAudit(trx, { workspaceId, actorId, action: "jira.webhook_settings_changed", details: { customJql: body.customJql ?? null, acceptUnsigned: body.acceptUnsigned ?? null } });
    await scheduleWebhookRegistration(trx, workspaceId);
  });
  return webhookView(deps, workspaceId);
}

/** Enqueues a (re-)registration; pass the transaction of the change that causes it. */
export async function scheduleWebhookRegistration(db: AppDeps["db"], workspaceId: string): Promise<void> {
  await enqueue(db, "jira_webhook_register", { workspaceId }, { jobKey: webhookRegisterJobKey(workspaceId) });
}

/** The secret, for pasting into Jira by hand. Audited; Admin and Moderator only (the route says so). */
export async function revealWebhookSecret(deps: AppDeps, workspaceId: string, actorId: string) {
  const { connection, endpoint } = await connected(deps, workspaceId);
  await recordAudit(deps.db, { workspaceId, actorId, action: "jira.webhook_secret_revealed" });
  return { secret: endpointSecret(deps.secretBox, endpoint), url: webhookUrl(webhookBaseUrl(deps, connection.base_url), endpoint.path_id) };
}

/** Waits (bounded) for a delivery to arrive, and says what arrived — or what was refused. */
export async function verifyWebhook(deps: AppDeps, workspaceId: string, timeoutSeconds: number, signal?: AbortSignal): Promise<VerifyWebhookResult> {
  const { endpoint } = await connected(deps, workspaceId);
  const since = new Date();
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline && !signal?.aborted) {
    const rows = await deliveriesSince(deps.db, workspaceId, since);
    if (rows.length > 0) {
      const deliveries = rows.map((row) => ({ event: row.event, issueKey: row.issue_key, signed: row.signed, receivedAt: row.received_at.toISOString(), status: row.status }));
      const first = deliveries[0];
      return { received: true, message: `Received ${first?.event ?? "a delivery"}${first?.issueKey ? ` for ${first.issueKey}` : ""}${first?.signed ? ", signed correctly" : ", unsigned"}. The webhook works.`, deliveries };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const refused = await deps.db.selectFrom("jira_webhook_endpoints").select(["last_rejected_at", "last_rejected_reason"]).where("workspace_id", "=", endpoint.workspace_id).executeTakeFirst();
  if (refused?.last_rejected_at && refused.last_rejected_at >= since) {
    return { received: false, message: `A delivery arrived but was refused: ${refused.last_rejected_reason ?? ""}`, deliveries: [] };
  }
  return {
    received: false,
    message: `Nothing arrived in ${timeoutSeconds} s. Check the URL and JQL in Jira, that Jira can reach Tether, and edit an issue the JQL matches.`,
    deliveries: [],
  };
}
