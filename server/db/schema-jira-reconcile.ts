import type { ColumnType, Generated, Selectable } from "kysely";

/** Row types of reconciliation, re-sync and import (migrations/0012_jira_reconcile.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type SyncJobKind = "resync" | "import" | "planning_resync";
export type SyncJobState = "queued" | "running" | "done" | "failed";

export interface JiraSyncSettingsTable {
  workspace_id: string;
  reconcile_interval_seconds: Generated<number>;
  last_reconciled_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface JiraSyncJobsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: SyncJobKind;
  state: SyncJobState;
  request: Json<Record<string, unknown>>;
  total: Generated<number>;
  done: Generated<number>;
  failed: Generated<number>;
  skipped: Generated<number>;
  error_code: string | null;
  message: string | null;
  /** planning_resync only (migrations/0020_planning_resync_jobs.sql). */
  phase: Generated<string | null>;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface JiraReconcileTables {
  jira_sync_settings: JiraSyncSettingsTable;
  jira_sync_jobs: JiraSyncJobsTable;
}

export type JiraSyncSettingsRow = Selectable<JiraSyncSettingsTable>;
export type JiraSyncJobRow = Selectable<JiraSyncJobsTable>;
