import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type WebhookEndpointState = "unregistered" | "registered" | "manual" | "unreachable" | "off" | "error";
export type DeliveryStatus = "received" | "synced" | "ignored" | "broken";

export interface JiraWebhookEndpointsTable {
  workspace_id: string;
  path_id: string;
  secret_ciphertext: string;
  accept_unsigned: Generated<boolean>;
  custom_jql: string | null;
  state: Generated<WebhookEndpointState>;
  state_reason: string | null;
  jira_webhook_id: string | null;
  registered_url: string | null;
  registered_fingerprint: string | null;
  registered_at: Timestamp | null;
  last_rejected_at: Timestamp | null;
  last_rejected_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface JiraWebhookDeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  identifier: string;
  event: string;
  issue_id: string | null;
  issue_key: string | null;
  /** Sprint events: the sprint's id (migration 0022). */
  sprint_id: number | null;
  /** Issue-link events: the destination issue's id; the source is `issue_id` (migration 0022). */
  linked_issue_id: string | null;
  signed: boolean;
  received_at: Timestamp;
  status: Generated<DeliveryStatus>;
  note: string | null;
  handled_at: Timestamp | null;
}

export interface JiraWebhookTables {
  jira_webhook_endpoints: JiraWebhookEndpointsTable;
  jira_webhook_deliveries: JiraWebhookDeliveriesTable;
}

export type WebhookEndpointRow = Selectable<JiraWebhookEndpointsTable>;
export type WebhookDeliveryRow = Selectable<JiraWebhookDeliveriesTable>;
