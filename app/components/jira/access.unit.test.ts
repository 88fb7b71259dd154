import { describe, expect, it } from "vitest";
import { seesEpicIssues, seesJira } from "./access.ts";

/** The use case page asks only for the Jira parts the role may see (server: integration.view, mayListEpicIssues). */
describe("what of Jira a role sees on a use case", () => {
  it("Visitors nothing, everyone else the panel", () => {
    expect(seesJira("visitor")).toBe(false);
    expect(seesJira(undefined)).toBe(false);
    for (const role of ["admin", "moderator", "member"] as const) expect(seesJira(role)).toBe(true);
  });

  it("the Epic's issues: Admins and Moderators always, Members only where they may edit (assigned)", () => {
    expect(seesEpicIssues("admin", { update: false })).toBe(true);
    expect(seesEpicIssues("moderator", { update: false })).toBe(true);
    expect(seesEpicIssues("member", { update: true })).toBe(true);
    expect(seesEpicIssues("member", { update: false })).toBe(false);
    expect(seesEpicIssues("visitor", { update: false })).toBe(false);
  });
});
