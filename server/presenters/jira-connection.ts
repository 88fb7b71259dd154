import type { JiraConnection } from "../../common/contracts/jira-connection.ts";
import { ConnectionTestResult } from "../../common/contracts/jira-connection.ts";
import type { ConnectionRow } from "../models/jira-connections.ts";

/** The API's view of a connection: everything but the secret, which shows only as set + last four. */
export function presentConnection(row: ConnectionRow): JiraConnection {
  const lastTest = ConnectionTestResult.safeParse(row.last_test);
  return {
    id: row.id,
    kind: row.kind,
    baseUrl: row.base_url,
    accountName: row.account_name,
    secret: {
      set: true,
      lastFour: row.secret_last_four,
      setAt: row.secret_set_at.toISOString(),
      expiresOn: row.token_expires_at ? row.token_expires_at.toISOString().slice(0, 10) : null,
    },
    projectKeys: row.project_keys,
    deploymentType: row.deployment_type,
    serverVersion: row.server_version,
    accountDisplayName: row.account_display_name,
    lastTest: lastTest.success ? lastTest.data : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
