import { createHash } from "node:crypto";
import { isJiraError, type JiraClient, type JiraWebhook } from "../../../integrations/jira/client/index.ts";
import { mappedProjects } from "../../../integrations/jira/sync/project-mapping.ts";
import { subscribedEvents } from "../../../integrations/jira/webhooks/delivery.ts";
import type { AppDeps } from "../../deps.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import { endpointSecret, ensureEndpoint, updateEndpoint, type WebhookEndpointRow } from "../../models/jira-webhook-endpoints.ts";
import { jiraClientFor } from "./client-for.ts";
import { withWebhookLock } from "./webhook-lock.ts";
import { jiraCanReach, webhookBaseUrl, webhookUrl } from "./webhook-url.ts";

const quoteKey = (key: string) => (/^[A-Z][A-Z0-9_]*$/.test(key) ? key : `"${key.replaceAll('"', '\\"')}"`);

/** The JQL Jira filters deliveries with: the custom one, else the mapped project (else the connection's projects). */
export async function webhookJql(deps: AppDeps, endpoint: Pick<WebhookEndpointRow, "custom_jql" | "workspace_id">, connection: ConnectionRow | undefined): Promise<string> {
  if (endpoint.custom_jql) return endpoint.custom_jql;
  const mapping = await findMapping(deps.db, endpoint.workspace_id);
  const keys = mapping ? mappedProjects(mapping.mapping) : (connection?.project_keys ?? []);
  return keys.length > 0 ? `project in (${keys.map(quoteKey).join(", ")})` : "";
}

const isCloud = (connection: ConnectionRow) => connection.kind === "cloud" || connection.kind === "cloud_scoped";

export const cloudUnreachable = (url: string | null) =>
  `${url ? `${url} is not reachable from the internet` : "PUBLIC_URL is not set"}, so Jira Cloud cannot deliver webhooks to this Tether. ` +
  "Changes made in Jira are still carried by reconciliation, at its interval. Set PUBLIC_URL to an address Jira Cloud can reach to get changes within seconds.";

const fingerprintOf = (parts: { url: string; jql: string; secret: string }) =>
  createHash("sha256").update(JSON.stringify([parts.url, [...subscribedEvents].sort(), parts.jql, parts.secret])).digest("hex");

/**
 * Makes Jira's registration match the workspace's settings (docs/WEBHOOKS.md): registers or
 * updates it when "From Jira" is on, removes it when off. Upsert by URL under a DB lock, so
 * restarts and several processes never leave two registrations for one URL. Never throws for
 * Jira's answers: the outcome is the endpoint's state and reason.
 */
export async function syncWebhookRegistration(deps: AppDeps, workspaceId: string): Promise<void> {
  await withWebhookLock(deps.pool, workspaceId, async () => {
    const connection = await findConnection(deps.db, workspaceId);
    if (!connection) {
      await updateEndpoint(deps.db, workspaceId, { state: "unregistered", state_reason: "Jira is not connected." });
      return;
    }
    const endpoint = await ensureEndpoint(deps.db, deps.secretBox, workspaceId);
    const client = jiraClientFor(deps, connection);
    try {
      if (!(await loadFeatures(deps.db, workspaceId)).fromJira) await unregister(deps, client, endpoint, connection);
      else await register(deps, client, endpoint, connection);
    } catch (error) {
      if (!isJiraError(error)) throw error;
      const manual = error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED";
      await updateEndpoint(deps.db, workspaceId, {
        state: manual ? "manual" : "error",
        state_reason: manual
          ? "The Jira account is not a Jira administrator (ADMINISTER), so Tether cannot register the webhook itself. Follow the manual steps, then use “Verify”."
          : `Jira did not accept the webhook registration: ${error.message}`,
      });
    }
  });
}

async function ourHooks(client: JiraClient, urls: (string | null)[]): Promise<JiraWebhook[]> {
  const wanted = new Set(urls.filter((url): url is string => url !== null));
  return (await client.listWebhooks()).filter((hook) => wanted.has(hook.url));
}

async function register(deps: AppDeps, client: JiraClient, endpoint: WebhookEndpointRow, connection: ConnectionRow): Promise<void> {
  const url = webhookUrl(webhookBaseUrl(deps, connection.base_url), endpoint.path_id);
  if (!url || (isCloud(connection) && !jiraCanReach(connection.base_url, url))) {
    await updateEndpoint(deps.db, endpoint.workspace_id, {
      state: "unreachable",
      state_reason: isCloud(connection) ? cloudUnreachable(url) : "PUBLIC_URL is not set: Tether cannot tell Jira where to deliver. Set it, then register again.",
    });
    return;
  }
  const jql = await webhookJql(deps, endpoint, connection);
  const secret = endpointSecret(deps.secretBox, endpoint);
  const fingerprint = fingerprintOf({ url, jql, secret });
  const hooks = await ourHooks(client, [url, endpoint.registered_url]);
  const current = hooks.find((hook) => hook.id === endpoint.jira_webhook_id && hook.url === url);
  if (current && hooks.length === 1 && endpoint.registered_fingerprint === fingerprint) {
    if (endpoint.state !== "registered") await updateEndpoint(deps.db, endpoint.workspace_id, { state: "registered", state_reason: null });
    return;
  }
  for (const hook of hooks) await client.deleteWebhook(hook.id);
  const registered = await client.registerWebhook({ name: "Tether", url, events: subscribedEvents, jql, secret });
  await updateEndpoint(deps.db, endpoint.workspace_id, {
    state: "registered",
    state_reason: registered.signed ? null : "This Jira (Data Center 9 or older) cannot sign deliveries: Tether accepts them unsigned on this secret URL only. Keep the URL private.",
    accept_unsigned: !registered.signed,
    jira_webhook_id: registered.id,
    registered_url: url,
    registered_fingerprint: fingerprint,
    registered_at: new Date(),
  });
}

async function unregister(deps: AppDeps, client: JiraClient, endpoint: WebhookEndpointRow, connection: ConnectionRow): Promise<void> {
  const url = webhookUrl(webhookBaseUrl(deps, connection.base_url), endpoint.path_id);
  if (endpoint.registered_url || endpoint.jira_webhook_id) {
    for (const hook of await ourHooks(client, [url, endpoint.registered_url])) await client.deleteWebhook(hook.id);
  }
  await updateEndpoint(deps.db, endpoint.workspace_id, {
    state: "off",
    state_reason: "“From Jira” is switched off: no webhook is registered.",
    jira_webhook_id: null,
    registered_url: null,
    registered_fingerprint: null,
    registered_at: null,
  });
}
