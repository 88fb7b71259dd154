-- PI re-sync runs as a queued job (docs/adr/0012-planning.md): tracked in jira_sync_jobs like the
-- workspace re-sync and the Epic import, with the phase it has reached.
ALTER TABLE jira_sync_jobs DROP CONSTRAINT jira_sync_jobs_kind_check;
ALTER TABLE jira_sync_jobs ADD CONSTRAINT jira_sync_jobs_kind_check CHECK (kind IN ('resync', 'import', 'planning_resync'));
-- planning_resync: sprints, issues, links or saving; null for the other kinds.
ALTER TABLE jira_sync_jobs ADD COLUMN phase text;
-- planning_resync: what was taken in ({ cards, sprints, dependencies, syncedAt }) once done.
ALTER TABLE jira_sync_jobs ADD COLUMN result jsonb;
