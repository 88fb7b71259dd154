-- The sync engine (docs/SYNC.md): per-workspace field mapping, one link per use case and Epic
-- with its sync base, and the sync log. Data minimisation: only ids, keys and mapped values.

CREATE TABLE jira_field_mappings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  -- The validated mapping document (common/contracts/jira-mapping.ts).
  mapping jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jira_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  use_case_id uuid NOT NULL UNIQUE REFERENCES use_cases (id) ON DELETE CASCADE,
  -- Null while the Epic is being created (the intent is recorded before Jira is called).
  issue_id text,
  issue_key text,
  project_key text NOT NULL,
  state text NOT NULL CHECK (state IN ('creating', 'ok', 'pending', 'retrying', 'blocked', 'error', 'broken')),
  state_code text,
  state_reason text,
  -- Idempotent create: set before the create request is sent; the Epic carries the link id as
  -- an issue property, so a retry looks for it before creating again.
  create_attempted_at timestamptz,
  -- Per mapped field, the last value both sides agreed on, normalised (integrations/jira/sync).
  base jsonb NOT NULL DEFAULT '{}',
  -- When each Tether-side field last changed (conflict policy "newest wins").
  tether_changed_at jsonb NOT NULL DEFAULT '{}',
  -- Jira's `updated` of the newest issue state applied or pushed: older news is ignored.
  jira_updated_at timestamptz,
  push_requested_at timestamptz,
  -- When Tether last wrote to the issue: saves within a second of it ride on one later push.
  last_pushed_at timestamptz,
  last_synced_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX jira_links_issue_key ON jira_links (workspace_id, issue_id) WHERE issue_id IS NOT NULL;
CREATE INDEX jira_links_issue_key_idx ON jira_links (workspace_id, issue_key);
CREATE INDEX jira_links_state_idx ON jira_links (workspace_id, state) WHERE state <> 'ok';

CREATE TABLE jira_sync_log (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  use_case_id uuid REFERENCES use_cases (id) ON DELETE SET NULL,
  link_id uuid,
  issue_key text,
  operation text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('to_jira', 'from_jira', 'none')),
  outcome text NOT NULL CHECK (outcome IN ('ok', 'skipped', 'retrying', 'blocked', 'failed', 'conflict')),
  -- [{ field, old, new }] in the normalised form the base uses.
  changes jsonb NOT NULL DEFAULT '[]',
  attempts integer NOT NULL DEFAULT 1,
  duration_ms integer,
  error_code text,
  message text,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jira_sync_log_workspace_idx ON jira_sync_log (workspace_id, id DESC);
CREATE INDEX jira_sync_log_use_case_idx ON jira_sync_log (use_case_id, id DESC);

-- Workflow edges learned from Jira's transitions (from status → transition → to status), per
-- project and issue type: the path finder plans multi-step status changes over them.
CREATE TABLE jira_workflow_edges (
  connection_id uuid NOT NULL REFERENCES jira_connections (id) ON DELETE CASCADE,
  project_key text NOT NULL,
  issue_type_id text NOT NULL,
  from_status_id text NOT NULL,
  transition_id text NOT NULL,
  to_status_id text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, project_key, issue_type_id, from_status_id, transition_id)
);

-- Tether member ↔ Jira user found by email (a unique match only); manual overrides live in the
-- mapping document. Unmatched users are reported, never guessed.
CREATE TABLE jira_user_matches (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  jira_user_id text NOT NULL,
  jira_display_name text NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
