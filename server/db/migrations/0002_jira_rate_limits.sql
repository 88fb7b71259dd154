-- Rate-limit state per Jira site, shared by every worker (integrations/jira/client/pg-rate-limit-store.ts).
-- One row per (site, bucket): the GCRA "theoretical arrival time" of the next request, and the
-- moment until which nobody may send after a 429. bucket '*' blocks the whole site; per-issue
-- write buckets are named 'issue:<KEY>:…' and pruned when idle.
CREATE TABLE jira_rate_limit (
  site text NOT NULL,
  bucket text NOT NULL,
  tat timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (site, bucket)
);
CREATE INDEX jira_rate_limit_tat_idx ON jira_rate_limit (tat);
