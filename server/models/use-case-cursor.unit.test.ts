import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { decodeCursor, decodeHistoryCursor, encodeCursor, encodeHistoryCursor, validSortValue } from "./use-case-cursor.ts";
import { likePattern } from "./use-case-list.ts";

const id = "6f1c2a9e-8d7b-4c3a-9e2f-1a2b3c4d5e6f";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
  return undefined;
}

describe("list cursors", () => {
  it("round-trip the position, including null and microsecond timestamps", () => {
    for (const [sort, value] of [
      ["-updated", "2025-02-01T00:00:00.123456Z"],
      ["title", "naïve \"quoted\" title"],
      ["wsjf", null],
      ["-targetDate", "2024-02-29"],
      ["number", "42"],
    ] as const) {
      expect(decodeCursor(sort, encodeCursor(sort, { value, id }))).toEqual({ value, id });
    }
  });

  it("refuse garbage, another sort's cursor and values the database could not cast", () => {
    const forge = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    expect(codeOf(() => decodeCursor("title", "%%%"))).toBe("validation_failed");
    expect(codeOf(() => decodeCursor("title", forge([1, 2])))).toBe("validation_failed");
    expect(codeOf(() => decodeCursor("number", encodeCursor("-number", { value: "1", id })))).toBe("validation_failed");
    expect(codeOf(() => decodeCursor("updated", forge({ s: "updated", v: "2024-02-30T00:00:00.000000Z", id })))).toBe("validation_failed");
    expect(codeOf(() => decodeCursor("updated", forge({ s: "updated", v: "1", id, extra: true })))).toBe("validation_failed");
  });

  it("check values per kind", () => {
    expect(validSortValue("timestamp", "2025-01-01T23:59:59.999999Z")).toBe(true);
    expect(validSortValue("timestamp", "2025-01-01T24:00:00.000000Z")).toBe(false);
    expect(validSortValue("timestamp", "2025-01-01T00:00:00.000Z")).toBe(false);
    expect(validSortValue("date", "2023-02-29")).toBe(false);
    expect(validSortValue("date", "2024-02-29")).toBe(true);
    expect(validSortValue("decimal", "12.50")).toBe(true);
    expect(validSortValue("decimal", "NaN")).toBe(false);
    expect(validSortValue("integer", "1.5")).toBe(false);
  });

  it("history cursors carry a serial id only", () => {
    expect(decodeHistoryCursor(encodeHistoryCursor("123"))).toBe("123");
    expect(codeOf(() => decodeHistoryCursor(Buffer.from('{"before":"-1"}').toString("base64url")))).toBe("validation_failed");
  });
});

describe("text search pattern", () => {
  it("treats LIKE wildcards and the escape character as literal text", () => {
    expect(likePattern("100%")).toBe("%100\\%%");
    expect(likePattern("a_b\\c")).toBe("%a\\_b\\\\c%");
  });
});
