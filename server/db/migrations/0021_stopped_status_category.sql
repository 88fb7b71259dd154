-- A fourth status category, `stopped`: finished without success (Rejected, Cancelled, Won't do…).
-- Like `done` it means "closed" (the default Jira status mapping sends it to Jira's done
-- category), but the UI shows it red/gray, not green.
ALTER TABLE use_case_statuses DROP CONSTRAINT IF EXISTS use_case_statuses_category_check;
ALTER TABLE use_case_statuses ADD CONSTRAINT use_case_statuses_category_check
  CHECK (category IN ('todo', 'in_progress', 'done', 'stopped'));

-- Existing workspaces: a done status whose name reads as stopped moves to the new category.
-- Names (case-insensitive, trimmed): Rejected, Cancelled, Canceled, Declined, Abandoned,
-- Dropped, Discarded, Stopped, Won't do, Wont do, Not doing, Obsolete.
UPDATE use_case_statuses SET category = 'stopped'
WHERE category = 'done'
  AND lower(btrim(replace(name, '’', ''''))) IN (
    'rejected', 'cancelled', 'canceled', 'declined', 'abandoned', 'dropped', 'discarded',
    'stopped', 'won''t do', 'wont do', 'not doing', 'obsolete'
  );
