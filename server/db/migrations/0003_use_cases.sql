-- Keyset pagination of the use-case list (server/models/use-case-list.ts) walks each sort key in
-- the order (workspace, sort value, id) with id in the same direction as the value, so a page is
-- an index range scan rather than a sort of the whole workspace. 0001's updated_at index paired
-- DESC with an ascending id, which that walk cannot use; it is replaced.
DROP INDEX use_cases_workspace_updated_idx;
CREATE INDEX use_cases_list_updated_idx ON use_cases (workspace_id, updated_at, id);
CREATE INDEX use_cases_list_created_idx ON use_cases (workspace_id, created_at, id);
CREATE INDEX use_cases_list_title_idx ON use_cases (workspace_id, lower(title), id);
-- Highest WSJF first is the portfolio view; nulls (no job size) stay last.
CREATE INDEX use_cases_list_wsjf_idx ON use_cases (workspace_id, wsjf DESC NULLS LAST, id DESC);
CREATE INDEX use_cases_list_target_date_idx ON use_cases (workspace_id, target_date, id);
-- Same expression as the priority sort in use-case-list.ts: keep the two identical.
CREATE INDEX use_cases_list_priority_idx ON use_cases (workspace_id, array_position(array['lowest','low','medium','high','highest']::text[], priority), id);
