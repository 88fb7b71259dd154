-- One write path for use cases (issue 7): every change names its source and, when the actor is
-- not a Tether user, how to show them ("Jira · Ada Lovelace"). 'tether' becomes 'user' so the
-- three sources read the same in the database, the API and the code.
ALTER TABLE use_case_history DROP CONSTRAINT use_case_history_source_check;
UPDATE use_case_history SET source = 'user' WHERE source = 'tether';
ALTER TABLE use_case_history ALTER COLUMN source SET DEFAULT 'user';
ALTER TABLE use_case_history ADD CONSTRAINT use_case_history_source_check CHECK (source IN ('user', 'jira', 'system'));
-- The name shown for a Jira person or a system process; users are shown by actor_id's current name.
ALTER TABLE use_case_history ADD COLUMN actor_label text;
-- The Jira account behind a 'jira' change, when Jira told us (Data Center may not).
ALTER TABLE use_case_history ADD COLUMN actor_jira_account_id text;

-- Job payloads carry ids only (issue 7). An emailed invitation's link holds its one-time secret;
-- it waits here, sealed with the secret box (AES-256-GCM, bound to the invitation id), until the
-- mail job sends it, and is cleared once mailed, accepted or revoked.
ALTER TABLE invitations ADD COLUMN link_ciphertext text;
