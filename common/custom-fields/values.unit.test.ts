import { describe, expect, it } from "vitest";
import { convertFieldValue } from "./convert.ts";
import { checkFieldValue, type FieldRules } from "./values.ts";

const rules = (type: FieldRules["type"], extra: Partial<FieldRules> = {}): FieldRules => ({ type, min: null, max: null, decimals: null, step: null, options: [], ...extra });
const options = [
  { id: "o1", label: "Low", color: "green" as const },
  { id: "o2", label: "High", color: "red" as const },
];

describe("custom field values", () => {
  it.each([
    [rules("shortText"), "  hi  ", "hi"],
    [rules("shortText"), "   ", null],
    [rules("longText"), "a\n\nb", "a\n\nb"],
    [rules("number", { decimals: 2, min: 0, max: 10 }), 9.99, 9.99],
    [rules("slider", { min: 0, max: 10, step: 2.5 }), 7.5, 7.5],
    [rules("checkbox"), false, false],
    [rules("date"), "2024-02-29", "2024-02-29"],
    [rules("singleSelect", { options }), "o2", "o2"],
    [rules("multiSelect", { options }), ["o2", "o1", "o2"], ["o1", "o2"]],
    [rules("multiSelect", { options }), [], null],
    [rules("tags"), ["B", " a ", "b"], ["a", "b"]],
    [rules("person"), "0b9a8d1e-4c7b-4b8e-9a2f-3f3b2c1d0e9f", "0b9a8d1e-4c7b-4b8e-9a2f-3f3b2c1d0e9f"],
  ])("accepts %o %o", (r, value, expected) => {
    expect(checkFieldValue(r, value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [rules("shortText"), "x".repeat(501)],
    [rules("shortText"), "a\nb"],
    [rules("number", { decimals: 0 }), 1.5],
    [rules("number", { min: 0 }), -1],
    [rules("number"), Number.NaN],
    [rules("number"), 1e12],
    [rules("slider", { min: 0, max: 10, step: 3 }), 4],
    [rules("slider"), 101],
    [rules("checkbox"), 1],
    [rules("date"), "2023-02-29"],
    [rules("date"), "0000-01-01"],
    [rules("singleSelect", { options }), "o3"],
    [rules("multiSelect", { options }), "o1"],
    [rules("tags"), ["x".repeat(41)]],
    [rules("person"), "someone"],
    [rules("shortText"), "nul\u0000"],
  ])("refuses %o %o", (r, value) => {
    expect(checkFieldValue(r, value).ok).toBe(false);
  });
});

describe("converting values on retype", () => {
  it.each([
    [rules("shortText"), rules("number"), "12.5", 12.5],
    [rules("number"), rules("shortText"), 3, "3"],
    [rules("number"), rules("slider", { min: 0, max: 10, step: 1 }), 4, 4],
    [rules("singleSelect", { options }), rules("shortText"), "o2", "High"],
    [rules("shortText"), rules("singleSelect", { options }), "low", "o1"],
    [rules("singleSelect", { options }), rules("multiSelect", { options }), "o1", ["o1"]],
    [rules("multiSelect", { options }), rules("singleSelect", { options }), ["o2"], "o2"],
    [rules("multiSelect", { options }), rules("tags"), ["o1", "o2"], ["high", "low"]],
    [rules("tags"), rules("multiSelect", { options }), ["high"], ["o2"]],
    [rules("date"), rules("shortText"), "2024-01-02", "2024-01-02"],
    [rules("shortText"), rules("date"), "2024-01-02", "2024-01-02"],
  ])("%o → %o keeps %o", (from, to, value, expected) => {
    expect(convertFieldValue(from, to, value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [rules("shortText"), rules("number"), "twelve"],
    [rules("number"), rules("slider", { min: 0, max: 10, step: 1 }), 40],
    [rules("multiSelect", { options }), rules("singleSelect", { options }), ["o1", "o2"]],
    [rules("shortText"), rules("singleSelect", { options }), "medium"],
    [rules("checkbox"), rules("number"), true],
    [rules("person"), rules("shortText"), "0b9a8d1e-4c7b-4b8e-9a2f-3f3b2c1d0e9f"],
  ])("%o → %o refuses %o with a reason", (from, to, value) => {
    const result = convertFieldValue(from, to, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });
});
