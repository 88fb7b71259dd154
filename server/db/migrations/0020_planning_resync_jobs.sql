-- PI re-sync runs as a queued job (docs/adr/0012-planning.md): tracked in jira_sync_jobs like the
-- workspace re-sync and the Epic import, with the phase it has reached.
ALTER TABLE jira_sync_jobs DROP CONSTRAINT jira_sync_jobs_kind_check;
ALTER TABLE jira_sync_jobs ADD CONSTRAINT jira_sync_jobs_kind_check CHECK (kind IN ('resync', 'import', 'planning_resync'));
-- planning_resync: sprints, issues, links or saving; null for the other kinds.
ALTER TABLE jira_sync_jobs ADD COLUMN phase text;
-- planning_resync: what was taken in ({ cards, sprints, dependencies, syncedAt }) once done.
ALTER TABLE jira_sync_jobs ADD COLUMN result jsonb;

-- Cards a planner removed from a PI without deleting them in Jira (no Delete Issues): neither a
-- re-sync nor a webhook puts them back on that PI's board. Only the Jira issue id is kept.
CREATE TABLE planning_exclusions (
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  issue_id text NOT NULL,
  excluded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pi_id, issue_id)
);
