import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/** A card of a column in board order (by rank, the never-placed last). */
export type RankedCard = { id: string; rank: string | null };

/** Where the moved card goes, relative to the column as the server holds it now. */
export type Placement = { afterId?: string | undefined; beforeId?: string | undefined };

export type PlacementResult =
  | { kind: "placed"; rank: string; reranked: { id: string; rank: string }[] }
  | { kind: "neighbour_missing" };

/** Evenly spread ranks for a whole column, in the order given. */
export const freshRanks = (count: number): string[] => generateNKeysBetween(null, null, count);

function rankAt(column: readonly RankedCard[], index: number): string | null {
  const low = column[index - 1]?.rank;
  const high = column[index]?.rank;
  if (low === null || high === null) return null;
  if (low !== undefined && high !== undefined && low >= high) return null;
  return generateKeyBetween(low ?? null, high ?? null);
}

/**
 * The rank that puts a card right after `afterId` (or, without it, right before `beforeId`; with
 * neither, at the end) in `column` — the column without the moved card, in the server's current
 * order, so two moves into the same gap land one after the other instead of on one rank. When
 * the neighbours cannot give a rank (never placed, or tied), the whole column gets fresh ranks
 * first, returned in `reranked`. Pure: the rule is tested without a database.
 */
export function placeInColumn(column: readonly RankedCard[], placement: Placement): PlacementResult {
  let index = column.length;
  if (placement.afterId !== undefined) {
    const above = column.findIndex((c) => c.id === placement.afterId);
    if (above < 0) return { kind: "neighbour_missing" };
    index = above + 1;
  } else if (placement.beforeId !== undefined) {
    index = column.findIndex((c) => c.id === placement.beforeId);
    if (index < 0) return { kind: "neighbour_missing" };
  }
  const rank = rankAt(column, index);
  if (rank !== null) return { kind: "placed", rank, reranked: [] };
  const ranks = freshRanks(column.length);
  const reranked = column.map((card, i) => ({ id: card.id, rank: ranks[i] ?? "" }));
  return { kind: "placed", rank: rankAt(reranked, index) ?? generateKeyBetween(null, null), reranked };
}
