import { describe, expect, it } from "vitest";
import { chunk, cursorPaged, offsetPaged } from "./pagination.ts";

describe("pagination", () => {
  it("offset paging stops on isLast, total or an empty page, fetching lazily", async () => {
    const asked: number[] = [];
    const pages = offsetPaged(async (startAt) => {
      asked.push(startAt);
      return { values: [startAt, startAt + 1], total: 5 };
    });
    const seen: number[] = [];
    for await (const v of pages) {
      seen.push(v);
      if (seen.length === 2) expect(asked).toEqual([0]);
    }
    expect(asked).toEqual([0, 2, 4]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("cursor paging follows tokens until none is left", async () => {
    const pages = cursorPaged(async (cursor) =>
      cursor === null ? { items: [1, 2], nextCursor: "b" } : cursor === "b" ? { items: [3], nextCursor: null } : { items: [], nextCursor: null },
    );
    const seen: number[] = [];
    for await (const v of pages) seen.push(v);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("chunks", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
