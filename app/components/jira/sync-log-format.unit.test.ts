import { describe, expect, test } from "vitest";
import { formatChange, formatLogValue } from "./sync-log-format.ts";

describe("sync log values", () => {
  test("shows empty as a word, lists joined, long text shortened to one line", () => {
    expect(formatLogValue(null)).toBe("empty");
    expect(formatLogValue([])).toBe("empty");
    expect(formatLogValue(["a", "b"])).toBe("a, b");
    expect(formatLogValue(3.5)).toBe("3.5");
    const long = formatLogValue(`first line\n${"x".repeat(100)}`);
    expect(long).toHaveLength(60);
    expect(long.startsWith("first line x")).toBe(true);
    expect(long.endsWith("…")).toBe(true);
    expect(formatChange({ field: "title", old: "Old", new: "New" })).toBe("title: Old → New");
  });
});
