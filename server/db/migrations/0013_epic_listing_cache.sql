-- The Epic issue listing's short-lived cache (docs/adr/0009-epic-listing-cache.md): one snapshot
-- per linked Epic, filled by one Jira search walk at a time. Data minimisation: only the fields
-- the listing shows; dropped with the link (cascade), when the feature is switched off, and
-- purged by `purge_expired` once past `retain_until`.

CREATE TABLE epic_listing_snapshots (
  link_id uuid PRIMARY KEY REFERENCES jira_links (id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  epic_key text NOT NULL,
  fetched_at timestamptz NOT NULL,
  -- After this the snapshot is refilled on the next read; until `retain_until` it is still
  -- served (with a warning) when Jira cannot be reached.
  fresh_until timestamptz NOT NULL,
  retain_until timestamptz NOT NULL,
  -- Set by webhooks about child issues: the next read refills.
  invalidated_at timestamptz,
  issue_count integer NOT NULL,
  -- Progress per status category and the filter values, for the whole Epic (computed at fill time).
  progress jsonb NOT NULL,
  facets jsonb NOT NULL
);
CREATE INDEX epic_listing_snapshots_epic ON epic_listing_snapshots (workspace_id, epic_key);
CREATE INDEX epic_listing_snapshots_retain ON epic_listing_snapshots (retain_until);

CREATE TABLE epic_listing_issues (
  link_id uuid NOT NULL REFERENCES epic_listing_snapshots (link_id) ON DELETE CASCADE,
  issue_key text NOT NULL,
  -- Jira's rank order at fetch time (the search ran ORDER BY Rank).
  position integer NOT NULL,
  summary text NOT NULL,
  issue_type text,
  issue_type_icon_url text,
  status text,
  -- new (To Do) | indeterminate (In Progress) | done
  status_category text,
  assignee_id text,
  assignee_name text,
  priority text,
  story_points numeric,
  sprint text,
  updated timestamptz,
  PRIMARY KEY (link_id, issue_key)
);
