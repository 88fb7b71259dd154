-- Sprint and issue-link webhooks (PI planning, docs/WEBHOOKS.md): a delivery keeps the sprint's id,
-- or for a link the second issue's id (the first is `issue_id`). Ids only, like the rest of the row.
ALTER TABLE jira_webhook_deliveries ADD COLUMN sprint_id integer;
ALTER TABLE jira_webhook_deliveries ADD COLUMN linked_issue_id text;
