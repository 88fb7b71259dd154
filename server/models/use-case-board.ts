import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

/** One board (workspace) at a time: moves wait for each other, so two can never read the same gap. */
export async function lockBoard(trx: Db, workspaceId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`tether.board:${workspaceId}`}))`.execute(trx);
}

/** Every use case of a column in board order (placed by rank, then the unplaced), whoever may see them. */
export async function listColumnOrder(trx: Db, workspaceId: string, statusId: string, exceptId: string): Promise<{ id: string; rank: string | null }[]> {
  return trx
    .selectFrom("use_cases")
    .select(["id", "board_rank as rank"])
    .where("workspace_id", "=", workspaceId)
    .where("status_id", "=", statusId)
    .where("id", "<>", exceptId)
    .orderBy(sql`board_rank asc nulls last`)
    .orderBy("id")
    .execute();
}

/** Writes ranks only: a position on the board is not a change of the use case (no version, no history). */
export async function setBoardRanks(trx: Db, ranks: readonly { id: string; rank: string }[]): Promise<void> {
  if (ranks.length === 0) return;
  const values = sql.join(ranks.map((r) => sql`(${r.id}::uuid, ${r.rank})`));
  await sql`UPDATE use_cases SET board_rank = v.rank FROM (VALUES ${values}) AS v(id, rank) WHERE use_cases.id = v.id`.execute(trx);
}
