-- Accounts, sessions, tokens, workspaces, roles, invitations, use cases, comments, history, audit.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  last_four text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Failed logins per key (email and client address), for rate limiting.
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  attempt_key text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_key_idx ON login_attempts (attempt_key, attempted_at);

CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  next_use_case_number integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'member', 'visitor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'member', 'visitor')),
  email text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id),
  revoked_at timestamptz
);
CREATE INDEX invitations_workspace_idx ON invitations (workspace_id);

-- The workspace's use-case workflow, in board order.
CREATE TABLE use_case_statuses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('todo', 'in_progress', 'done')),
  position integer NOT NULL,
  UNIQUE (workspace_id, position) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE UNIQUE INDEX use_case_statuses_name_key ON use_case_statuses (workspace_id, lower(name));

CREATE TABLE use_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  number integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status_id uuid NOT NULL REFERENCES use_case_statuses (id),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  priority text NOT NULL DEFAULT 'medium' CHECK (priority IN ('lowest', 'low', 'medium', 'high', 'highest')),
  tags text[] NOT NULL DEFAULT '{}',
  target_date date,
  business_value integer CHECK (business_value BETWEEN 0 AND 100),
  time_criticality integer CHECK (time_criticality BETWEEN 0 AND 100),
  risk_reduction integer CHECK (risk_reduction BETWEEN 0 AND 100),
  job_size integer CHECK (job_size BETWEEN 1 AND 100),
  -- WSJF = cost of delay / job size, kept by the database so it can be sorted and filtered.
  wsjf numeric(10, 2) GENERATED ALWAYS AS (
    CASE WHEN job_size IS NULL OR job_size = 0 THEN NULL
         ELSE round((coalesce(business_value, 0) + coalesce(time_criticality, 0) + coalesce(risk_reduction, 0))::numeric / job_size, 2)
    END
  ) STORED,
  story_points numeric(8, 2) CHECK (story_points >= 0),
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'assigned')),
  -- Values of workspace-defined template fields, keyed by field id (the custom-field issue).
  custom_fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, number)
);
CREATE INDEX use_cases_workspace_updated_idx ON use_cases (workspace_id, updated_at DESC, id);
CREATE INDEX use_cases_status_idx ON use_cases (status_id);
CREATE INDEX use_cases_assignee_idx ON use_cases (assignee_id);
CREATE INDEX use_cases_tags_idx ON use_cases USING gin (tags);

CREATE TABLE use_case_members (
  use_case_id uuid NOT NULL REFERENCES use_cases (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (use_case_id, user_id)
);
CREATE INDEX use_case_members_user_idx ON use_case_members (user_id);

CREATE TABLE use_case_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  use_case_id uuid NOT NULL REFERENCES use_cases (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX use_case_comments_use_case_idx ON use_case_comments (use_case_id, created_at);

-- Who changed which field from what to what, and where the change came from.
CREATE TABLE use_case_history (
  id bigserial PRIMARY KEY,
  use_case_id uuid NOT NULL REFERENCES use_cases (id) ON DELETE CASCADE,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  source text NOT NULL DEFAULT 'tether' CHECK (source IN ('tether', 'jira', 'system')),
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX use_case_history_use_case_idx ON use_case_history (use_case_id, id);

-- Setup changes (members, roles, invitations, integration settings).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  workspace_id uuid REFERENCES workspaces (id) ON DELETE CASCADE,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, id);

-- Mail handed to the configured transport by the send_email task.
CREATE TABLE mail_deliveries (
  id bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  transport text NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now()
);
