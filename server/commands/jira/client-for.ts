import { createJiraClient, type JiraClient, PgRateLimitStore } from "../../../integrations/jira/client/index.ts";
import { toClientConfig } from "../../../integrations/jira/connection/client-config.ts";
import type { AppDeps } from "../../deps.ts";
import type { ConnectionRow } from "../../models/jira-connections.ts";

/** A Jira client for a workspace's saved connection, sharing the site's rate-limit budget through PostgreSQL. */
export function jiraClientFor(deps: AppDeps, row: ConnectionRow, options: { maxAttempts?: number } = {}): JiraClient {
  const secret = deps.secretBox.open(row.secret_ciphertext, row.id);
  const config = toClientConfig(
    { kind: row.kind, baseUrl: row.base_url, accountName: row.account_name, cloudId: row.cloud_id },
    secret,
    { gatewayUrl: deps.env.JIRA_CLOUD_GATEWAY_URL },
  );
  return createJiraClient(config, {
    rateLimitStore: new PgRateLimitStore(deps.pool),
    timeoutMs: deps.env.JIRA_TIMEOUT_MS,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
}
