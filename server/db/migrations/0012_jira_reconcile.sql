-- Reconciliation, workspace re-sync and Epic import (docs/SYNC.md, "Reconciliation").

-- Per workspace: how often reconciliation runs and when it last succeeded (its cursor).
CREATE TABLE jira_sync_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  reconcile_interval_seconds integer NOT NULL DEFAULT 60 CHECK (reconcile_interval_seconds BETWEEN 60 AND 86400),
  -- Start of the last successful run: the next run searches from here, minus an overlap.
  last_reconciled_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Tracked workspace operations ("Re-sync now", Epic import): what was asked, how far it got.
CREATE TABLE jira_sync_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('resync', 'import')),
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  -- import: { jql } or { issueKeys }; resync: {}.
  request jsonb NOT NULL DEFAULT '{}',
  total integer NOT NULL DEFAULT 0,
  done integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  -- import: Epics already linked, left alone.
  skipped integer NOT NULL DEFAULT 0,
  error_code text,
  message text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jira_sync_jobs_workspace_idx ON jira_sync_jobs (workspace_id, kind, created_at DESC);
