-- Where a use case sits within its board column: a fractional index (the `fractional-indexing`
-- package's keys), compared byte-wise (COLLATE "C"), so a card moves between two others by
-- writing one row. NULL means "never placed": such cards follow the placed ones (by id) until a
-- move beside them gives their column fresh ranks (server/commands/use-case-board.ts).
ALTER TABLE use_cases ADD COLUMN board_rank text COLLATE "C";

-- The board reads one status column at a time in rank order (server/models/use-case-list.ts).
CREATE INDEX use_cases_board_rank_idx ON use_cases (workspace_id, status_id, board_rank, id);
