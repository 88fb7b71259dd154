import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { CustomFieldTables } from "./schema-custom-fields.ts";
import type { JiraReconcileTables } from "./schema-jira-reconcile.ts";
import type { JiraSyncTables } from "./schema-jira-sync.ts";
import type { JiraWebhookTables } from "./schema-jira-webhooks.ts";
import type { PlanningTables } from "./schema-planning.ts";

/** Row types of the tables in migrations/, as Kysely sees them. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = "admin" | "moderator" | "member" | "visitor";
export const roles: readonly Role[] = ["admin", "moderator", "member", "visitor"];

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  /** Set when the account followed its verification link (server/commands/email-verification.ts). */
  email_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  last_four: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  attempt_key: string;
  attempted_at: CreatedAt;
}

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  next_use_case_number: Generated<number>;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  token_hash: string;
  role: Role;
  email: string | null;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
  /** The emailed link, sealed with the secret box, until the mail job sends it. */
  link_ciphertext: ColumnType<string | null, string | null | undefined, string | null>;
}

export type StatusCategory = "todo" | "in_progress" | "done" | "stopped";

export interface UseCaseStatusesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  category: StatusCategory;
  position: number;
}

export type Priority = "lowest" | "low" | "medium" | "high" | "highest";
export type Visibility = "public" | "assigned";

export interface UseCasesTable {
  id: Generated<string>;
  workspace_id: string;
  number: number;
  title: string;
  description: Generated<string>;
  status_id: string;
  assignee_id: string | null;
  priority: Generated<Priority>;
  tags: Generated<string[]>;
  target_date: ColumnType<string | null, string | null | undefined, string | null>;
  business_value: number | null;
  time_criticality: number | null;
  risk_reduction: number | null;
  job_size: number | null;
  wsjf: ColumnType<string | null, never, never>;
  story_points: ColumnType<string | null, number | null | undefined, number | null>;
  visibility: Generated<Visibility>;
  custom_fields: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Position within the board column (fractional index); null until first placed (migration 0019). */
  board_rank: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UseCaseMembersTable {
  use_case_id: string;
  user_id: string;
}

export interface UseCaseCommentsTable {
  id: Generated<string>;
  use_case_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ChangeSource = "user" | "jira" | "system";

export interface UseCaseHistoryTable {
  id: Generated<string>;
  use_case_id: string;
  actor_id: string | null;
  source: Generated<ChangeSource>;
  /** How to name a Jira person or a system process; null for users (shown by actor_id). */
  actor_label: string | null;
  actor_jira_account_id: string | null;
  field: string;
  old_value: ColumnType<unknown, string | null, never>;
  new_value: ColumnType<unknown, string | null, never>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface EmailVerificationsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MailDeliveriesTable {
  id: Generated<string>;
  dedupe_key: string;
  recipient: string;
  subject: string;
  body: string;
  transport: string;
  delivered_at: CreatedAt;
}

export interface Database extends JiraSyncTables, JiraReconcileTables, JiraWebhookTables, PlanningTables, CustomFieldTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  use_case_statuses: UseCaseStatusesTable;
  use_cases: UseCasesTable;
  use_case_members: UseCaseMembersTable;
  use_case_comments: UseCaseCommentsTable;
  use_case_history: UseCaseHistoryTable;
  audit_log: AuditLogTable;
  mail_deliveries: MailDeliveriesTable;
  password_resets: PasswordResetsTable;
  email_verifications: EmailVerificationsTable;
  jira_connections: JiraConnectionsTable;
  jira_metadata: JiraMetadataTable;
  integration_features: IntegrationFeaturesTable;
}

export type User = Selectable<UsersTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type UseCaseRow = Selectable<UseCasesTable>;
export type NewUseCase = Insertable<UseCasesTable>;
export type UseCaseUpdate = Updateable<UseCasesTable>;

export type ConnectionKindColumn = "cloud" | "cloud_scoped" | "datacenter_pat" | "datacenter_basic";

export interface JiraConnectionsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: ConnectionKindColumn;
  base_url: string;
  account_name: string | null;
  secret_ciphertext: string;
  secret_last_four: string;
  secret_set_at: Timestamp;
  cloud_id: string | null;
  project_keys: string[];
  deployment_type: string | null;
  server_version: string | null;
  account_display_name: string | null;
  token_expires_at: Timestamp | null;
  last_test: ColumnType<unknown, string | null | undefined, string | null>;
  last_tested_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface JiraMetadataTable {
  connection_id: string;
  kind: string;
  data: ColumnType<unknown, string, string>;
  fetched_at: Timestamp;
}

export type IntegrationFeature = "to_jira" | "from_jira" | "issue_listing" | "planning";

export interface IntegrationFeaturesTable {
  workspace_id: string;
  feature: IntegrationFeature;
  enabled: boolean;
  updated_at: Timestamp;
  updated_by: string | null;
}
