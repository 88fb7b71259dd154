import { describe, expect, test } from "vitest";
import { freshRanks, placeInColumn, type RankedCard } from "./board-rank.ts";

const ranked = (ids: string[]): RankedCard[] => {
  const ranks = freshRanks(ids.length);
  return ids.map((id, i) => ({ id, rank: ranks[i] ?? null }));
};

/** The column's ids in rank order after placing "new" as `placement` says. */
function orderAfter(column: RankedCard[], placement: Parameters<typeof placeInColumn>[1]): string[] {
  const result = placeInColumn(column, placement);
  if (result.kind !== "placed") throw new Error(result.kind);
  const ranks = new Map(column.map((c) => [c.id, c.rank]));
  for (const r of result.reranked) ranks.set(r.id, r.rank);
  ranks.set("new", result.rank);
  const entries = [...ranks.entries()] as [string, string | null][];
  expect(entries.every(([, rank]) => rank !== null)).toBe(true);
  expect(new Set(entries.map(([, rank]) => rank)).size).toBe(entries.length);
  return entries.sort((x, y) => ((x[1] ?? "") < (y[1] ?? "") ? -1 : 1)).map(([id]) => id);
}

describe("placing a card in a column", () => {
  const column = ranked(["a", "b", "c"]);

  test("after a card, before a card (when no card is named above), or at the end", () => {
    expect(orderAfter(column, { afterId: "a" })).toEqual(["a", "new", "b", "c"]);
    expect(orderAfter(column, { afterId: "c" })).toEqual(["a", "b", "c", "new"]);
    expect(orderAfter(column, { beforeId: "a" })).toEqual(["new", "a", "b", "c"]);
    expect(orderAfter(column, {})).toEqual(["a", "b", "c", "new"]);
    expect(orderAfter([], {})).toEqual(["new"]);
  });

  test("the card above decides: a stale `before` from an older view does not put two cards on one rank", () => {
    let current = column;
    for (const id of ["x", "y", "z"]) {
      const result = placeInColumn(current, { afterId: "a", beforeId: "b" });
      if (result.kind !== "placed") throw new Error(result.kind);
      current = [...current, { id, rank: result.rank }].sort((p, q) => ((p.rank ?? "") < (q.rank ?? "") ? -1 : 1));
    }
    expect(current.map((c) => c.id)).toEqual(["a", "z", "y", "x", "b", "c"]);
    expect(new Set(current.map((c) => c.rank)).size).toBe(6);
  });

  test("never-placed or tied neighbours: the column gets fresh ranks in its current order first", () => {
    const unplaced: RankedCard[] = [
      { id: "a", rank: null },
      { id: "b", rank: null },
    ];
    expect(orderAfter(unplaced, { afterId: "a" })).toEqual(["a", "new", "b"]);
    const tied: RankedCard[] = [
      { id: "a", rank: "a1" },
      { id: "b", rank: "a1" },
      { id: "c", rank: "a2" },
    ];
    expect(orderAfter(tied, { afterId: "a" })).toEqual(["a", "new", "b", "c"]);
  });

  test("a neighbour that is not in the column is reported, not guessed", () => {
    expect(placeInColumn(column, { afterId: "gone" })).toEqual({ kind: "neighbour_missing" });
    expect(placeInColumn(column, { beforeId: "gone" })).toEqual({ kind: "neighbour_missing" });
  });

  test("a thousand moves to the top keep a strict order", () => {
    let current = ranked(["a"]);
    for (let i = 0; i < 1000; i++) {
      const result = placeInColumn(current, { beforeId: current[0]?.id });
      if (result.kind !== "placed" || result.reranked.length > 0) throw new Error("unexpected re-rank");
      current = [{ id: `n${i}`, rank: result.rank }, ...current];
    }
    const ranks = current.map((c) => c.rank ?? "");
    expect([...ranks].sort()).toEqual(ranks);
  });
});
