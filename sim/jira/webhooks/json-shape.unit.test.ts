import { describe, expect, it } from "vitest";
import { jsonType, shapeDifferences } from "./json-shape.ts";

describe("comparing JSON by shape", () => {
  it("names JSON types", () => {
    expect([null, true, 1, "a", [], {}].map(jsonType)).toEqual(["null", "boolean", "number", "string", "array", "object"]);
  });

  it("ignores values but reports missing and extra keys and changed types, with their paths", () => {
    const capture = { user: { accountId: "a", active: true }, items: [{ from: null, to: "1" }] };
    expect(shapeDifferences({ user: { accountId: "b", active: false }, items: [{ from: null, to: "2" }] }, capture)).toEqual([]);
    expect(shapeDifferences({ user: { accountId: "b", emailAddress: "x@y" }, items: [{ from: "1", to: "2" }] }, capture)).toEqual([
      "user.active: missing",
      "user.emailAddress: not in the capture",
      "items[].from: string, capture has null",
    ]);
  });

  it("accepts null against a value only on the paths it is told hold state", () => {
    expect(shapeDifferences({ fields: { lastViewed: null } }, { fields: { lastViewed: "2024-10-08T16:34:09.627+0800" } })).toEqual(["fields.lastViewed: null, capture has string"]);
    expect(shapeDifferences({ fields: { lastViewed: null } }, { fields: { lastViewed: "2024" } }, { nullable: ["fields.lastViewed"] })).toEqual([]);
    expect(shapeDifferences({ fields: { lastViewed: 1 } }, { fields: { lastViewed: "2024" } }, { nullable: ["fields.lastViewed"] })).toEqual(["fields.lastViewed: number, capture has string"]);
  });

  it("compares open keys only where both sides have them", () => {
    const open = (path: string, key: string) => path === "fields" && key.startsWith("customfield_");
    expect(shapeDifferences({ fields: { customfield_1: null, customfield_2: 1 } }, { fields: { customfield_2: 3, customfield_3: [] } }, { openKeys: open })).toEqual([]);
    expect(shapeDifferences({ fields: { customfield_2: "3" } }, { fields: { customfield_2: 3 } }, { openKeys: open })).toEqual(["fields.customfield_2: string, capture has number"]);
  });
});
