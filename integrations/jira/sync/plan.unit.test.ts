import { describe, expect, it } from "vitest";
import { mergeSets, planField, type FieldState, type PlanContext } from "./plan.ts";

const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  policy: "newest_wins",
  tetherChangedAt: () => null,
  jiraChangedAt: 1000,
  ...overrides,
});
const state = (overrides: Partial<FieldState>): FieldState => ({ field: "title", direction: "both", tether: "A", jira: "A", base: "A", ...overrides });

describe("the merge rule", () => {
  it("does nothing when both sides hold the base (an echo of our own write dies here)", () => {
    expect(planField(state({}), context()).action).toBe("none");
  });

  it("moves only the base when both sides already agree on a new value", () => {
    expect(planField(state({ tether: "B", jira: "B", base: "A" }), context())).toEqual({ field: "title", action: "agree", value: "B" });
  });

  it("pushes a Tether change while Jira still holds the base", () => {
    expect(planField(state({ tether: "B" }), context())).toMatchObject({ action: "push", value: "B", from: "A", conflict: null });
  });

  it("pulls a Jira change while Tether still holds the base", () => {
    expect(planField(state({ jira: "C" }), context())).toMatchObject({ action: "pull", value: "C", from: "A", conflict: null });
  });

  it("respects one-way directions and off", () => {
    expect(planField(state({ jira: "C", direction: "to_jira" }), context()).action).toBe("none");
    expect(planField(state({ tether: "B", direction: "from_jira" }), context()).action).toBe("none");
    expect(planField(state({ tether: "B", jira: "C", direction: "to_jira" }), context()).action).toBe("push");
    expect(planField(state({ tether: "B", jira: "C", direction: "from_jira" }), context()).action).toBe("pull");
    expect(planField(state({ tether: "B", direction: "off" }), context()).action).toBe("none");
  });

  it("never takes WSJF from Jira: it is computed in Tether", () => {
    expect(planField(state({ field: "wsjf", tether: 3, jira: 5, base: 3 }), context()).action).toBe("none");
    expect(planField(state({ field: "wsjf", tether: 4, jira: 5, base: 3 }), context()).action).toBe("push");
  });

  it("resolves a conflict by the newest change by default, recording both values", () => {
    const tetherNewer = planField(state({ tether: "B", jira: "C" }), context({ tetherChangedAt: () => 2000, jiraChangedAt: 1000 }));
    expect(tetherNewer).toMatchObject({ action: "push", value: "B", conflict: { tether: "B", jira: "C", base: "A", winner: "tether" } });
    const jiraNewer = planField(state({ tether: "B", jira: "C" }), context({ tetherChangedAt: () => 500, jiraChangedAt: 1000 }));
    expect(jiraNewer).toMatchObject({ action: "pull", value: "C", conflict: { winner: "jira" } });
  });

  it("applies the other policies", () => {
    const conflict = state({ tether: "B", jira: "C" });
    expect(planField(conflict, context({ policy: "tether_wins" })).action).toBe("push");
    expect(planField(conflict, context({ policy: "jira_wins" })).action).toBe("pull");
    expect(planField(conflict, context({ policy: "ask" }))).toMatchObject({ action: "ask", conflict: { winner: "person" } });
  });

  it("never pushes a value without a Jira counterpart, and never reads it as empty", () => {
    const unmatched = { unmappable: "Ada has no Jira user" };
    expect(planField(state({ field: "assignee", tether: unmatched, jira: "acc-1", base: "acc-1" }), context())).toEqual({
      field: "assignee",
      action: "skip",
      reason: "Ada has no Jira user",
    });
    expect(planField(state({ field: "assignee", tether: unmatched, jira: "acc-2", base: "acc-1" }), context()).action).toBe("pull");
  });

  it("takes Tether's values first for a freshly linked issue, Jira's for from-Jira fields", () => {
    expect(planField(state({ tether: "B", jira: "C", base: undefined }), context()).action).toBe("push");
    expect(planField(state({ tether: "B", jira: "C", base: undefined, direction: "from_jira" }), context()).action).toBe("pull");
    expect(planField(state({ tether: "B", jira: "B", base: undefined }), context()).action).toBe("agree");
  });

  it("never clears a value on either side when a freshly linked issue or a newly mapped field first agrees", () => {
    // An empty use-case description must not wipe the Epic's: it is taken from Jira instead.
    expect(planField(state({ field: "description", tether: null, jira: "Jira's text", base: undefined }), context())).toMatchObject({ action: "pull", value: "Jira's text" });
    expect(planField(state({ field: "description", tether: "  ", jira: "Jira's text", base: undefined }), context()).action).toBe("pull");
    expect(planField(state({ field: "tags", tether: [], jira: ["jira-label"], base: undefined }), context()).action).toBe("pull");
    // To Jira only: nothing is pulled, and nothing empty is pushed.
    expect(planField(state({ field: "description", tether: null, jira: "Jira's text", base: undefined, direction: "to_jira" }), context()).action).toBe("none");
    // An empty Jira field takes Tether's value; from Jira only, Tether's value is kept.
    expect(planField(state({ field: "description", tether: "Tether's text", jira: null, base: undefined }), context()).action).toBe("push");
    expect(planField(state({ field: "description", tether: "Tether's text", jira: null, base: undefined, direction: "from_jira" }), context()).action).toBe("none");
    // Once agreed, clearing is an ordinary change that flows.
    expect(planField(state({ field: "description", tether: null, jira: "Agreed", base: "Agreed" }), context()).action).toBe("push");
  });

  it("merges label sets changed on both sides instead of overwriting either", () => {
    const action = planField(state({ field: "tags", base: ["a", "b"], tether: ["a", "b", "t"], jira: ["b", "j"] }), context());
    expect(action).toMatchObject({ action: "merge", value: ["b", "j", "t"] });
    expect(mergeSets(["x"], ["x", "y"], [])).toEqual(["y"]);
  });

  it("compares numbers by value and arrays by content", () => {
    expect(planField(state({ field: "storyPoints", tether: 3, jira: 3.0000000001, base: 3 }), context()).action).toBe("none");
    expect(planField(state({ field: "tags", tether: ["a"], jira: ["a"], base: ["a"] }), context()).action).toBe("none");
  });
});
