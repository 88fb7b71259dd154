-- Jira → Tether webhooks (docs/WEBHOOKS.md): one endpoint per workspace and the deliveries it
-- received. Data minimisation: a delivery keeps only what sync needs (identifier, event, issue
-- id and key, times, status) — never the body — and is purged after 7 days.

CREATE TABLE jira_webhook_endpoints (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  -- The unguessable id in `/hooks/jira/{path_id}` (32 random bytes, base64url).
  path_id text NOT NULL UNIQUE,
  -- HMAC secret, sealed with the secret box (context: path_id). Shown only by the reveal action.
  secret_ciphertext text NOT NULL,
  -- Data Center ≤ 9 cannot sign: then the secret path alone admits a delivery.
  accept_unsigned boolean NOT NULL DEFAULT false,
  -- Optional JQL filter; null: `project in (<mapped projects>)`.
  custom_jql text,
  state text NOT NULL DEFAULT 'unregistered' CHECK (state IN ('unregistered', 'registered', 'manual', 'unreachable', 'off', 'error')),
  state_reason text,
  -- What Jira holds for us, when we registered it: its id, the URL, and a fingerprint of
  -- URL + events + JQL + secret, so an unchanged registration is left alone.
  jira_webhook_id text,
  registered_url text,
  registered_fingerprint text,
  registered_at timestamptz,
  -- The last delivery refused for its signature (verify says so); nothing of its body is kept.
  last_rejected_at timestamptz,
  last_rejected_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jira_webhook_deliveries (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  -- `X-Atlassian-Webhook-Identifier` (stable across retries); a hash of the body when absent.
  identifier text NOT NULL,
  event text NOT NULL,
  issue_id text,
  issue_key text,
  signed boolean NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'synced', 'ignored', 'broken')),
  -- Why it was ignored, in words (not linked, feature off, no issue).
  note text,
  handled_at timestamptz
);
CREATE UNIQUE INDEX jira_webhook_deliveries_identifier ON jira_webhook_deliveries (workspace_id, identifier);
CREATE INDEX jira_webhook_deliveries_received ON jira_webhook_deliveries (workspace_id, received_at DESC);
CREATE INDEX jira_webhook_deliveries_purge ON jira_webhook_deliveries (received_at);
