import type { ColumnType, Generated, Selectable } from "kysely";

/** Row types of the sync engine's tables (migrations/0010_jira_sync.sql); see docs/SYNC.md. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type LinkState = "creating" | "ok" | "pending" | "retrying" | "blocked" | "error" | "broken";
export type SyncDirection = "to_jira" | "from_jira" | "none";
export type SyncOutcome = "ok" | "skipped" | "retrying" | "blocked" | "failed" | "conflict";

export interface JiraFieldMappingsTable {
  workspace_id: string;
  mapping: Json<unknown>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface JiraLinksTable {
  id: Generated<string>;
  workspace_id: string;
  use_case_id: string;
  issue_id: string | null;
  issue_key: string | null;
  project_key: string;
  state: LinkState;
  state_code: string | null;
  state_reason: string | null;
  create_attempted_at: Timestamp | null;
  base: Json<Record<string, unknown>>;
  tether_changed_at: Json<Record<string, string>>;
  jira_updated_at: Timestamp | null;
  push_requested_at: Timestamp | null;
  last_pushed_at: Timestamp | null;
  last_synced_at: Timestamp | null;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface JiraSyncLogTable {
  id: Generated<string>;
  workspace_id: string;
  use_case_id: string | null;
  link_id: string | null;
  issue_key: string | null;
  operation: string;
  direction: SyncDirection;
  outcome: SyncOutcome;
  changes: Json<unknown>;
  attempts: Generated<number>;
  duration_ms: number | null;
  error_code: string | null;
  message: string | null;
  actor_id: string | null;
  created_at: CreatedAt;
}

export interface JiraWorkflowEdgesTable {
  connection_id: string;
  project_key: string;
  issue_type_id: string;
  from_status_id: string;
  transition_id: string;
  to_status_id: string;
  seen_at: Timestamp;
}

export interface JiraSyncTables {
  jira_field_mappings: JiraFieldMappingsTable;
  jira_links: JiraLinksTable;
  jira_sync_log: JiraSyncLogTable;
  jira_workflow_edges: JiraWorkflowEdgesTable;
  jira_user_matches: JiraUserMatchesTable;
}

export type JiraLinkRow = Selectable<JiraLinksTable>;
export type JiraSyncLogRow = Selectable<JiraSyncLogTable>;

export interface JiraUserMatchesTable {
  workspace_id: string;
  user_id: string;
  jira_user_id: string;
  jira_display_name: string;
  checked_at: Timestamp;
}
