import { describe, expect, it } from "vitest";
import { findUnsafeText, isSafeText, safeDate, safeText } from "./safe-text.ts";

describe("safe text", () => {
  it("refuses NUL and unpaired surrogates, keeps every real character", () => {
    for (const text of ["", "plain", "😀 emoji pairs", "\u202e\u200b", "é\n\t"]) expect(isSafeText(text)).toBe(true);
    for (const text of ["\u0000", "a\u0000b", "\ud800", "x\udfff", "\udc00\ud800", "😀".slice(0, 1)]) expect(isSafeText(text)).toBe(false);
  });

  it("builds schemas that name the failure and still chain string checks", () => {
    const title = safeText().trim().min(1).max(5);
    expect(title.safeParse(" ok ").data).toBe("ok");
    expect(title.safeParse("a\u0000").error?.issues[0]?.message).toMatch(/NUL/);
    expect(title.safeParse("toolong").success).toBe(false);
    expect(safeDate().safeParse("0000-01-01").success).toBe(false);
    expect(safeDate().safeParse("0001-01-01").success).toBe(true);
  });

  it("finds the path of the first unsafe string in any value", () => {
    expect(findUnsafeText({ a: ["ok", { b: "x\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findUnsafeText({ "\ud800": 1 })).toEqual(['"\\ud800"']);
    expect(findUnsafeText({ a: [1, null, "fine"] })).toBeNull();
  });
});
