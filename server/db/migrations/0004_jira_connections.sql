-- One Jira connection per workspace; the secret is AES-256-GCM ciphertext bound to its row.
CREATE TABLE jira_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL UNIQUE REFERENCES workspaces (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cloud', 'cloud_scoped', 'datacenter_pat', 'datacenter_basic')),
  base_url text NOT NULL,
  -- Cloud: account email; Data Center basic: username; PAT: null.
  account_name text,
  secret_ciphertext text NOT NULL,
  secret_last_four text NOT NULL,
  secret_set_at timestamptz NOT NULL DEFAULT now(),
  cloud_id text,
  project_keys text[] NOT NULL DEFAULT '{}',
  -- What the last successful test saw; null until tested.
  deployment_type text,
  server_version text,
  account_display_name text,
  token_expires_at timestamptz,
  last_test jsonb,
  last_tested_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Cached Jira metadata (ids, keys, names, schemas; never issue contents), one row per kind.
CREATE TABLE jira_metadata (
  connection_id uuid NOT NULL REFERENCES jira_connections (id) ON DELETE CASCADE,
  kind text NOT NULL,
  data jsonb NOT NULL,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, kind)
);

-- The integration's modular features, each switched on separately per workspace (BRIEF D).
CREATE TABLE integration_features (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  feature text NOT NULL CHECK (feature IN ('to_jira', 'from_jira', 'issue_listing')),
  enabled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, feature)
);
