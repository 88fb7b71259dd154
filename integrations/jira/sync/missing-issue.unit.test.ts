import { describe, expect, it } from "vitest";
import { explainMissingIssue } from "./missing-issue.ts";

const context = { issueKey: "NOVA-3", projectKey: "NOVA", account: "Ada Admin", deletedAt: new Date("2026-11-28T10:00:00Z") };

describe("explainMissingIssue", () => {
  it("names deletion only when Jira's delete webhook said so", () => {
    const deleted = explainMissingIssue("deleted", context);
    expect(deleted.code).toBe("issue_deleted");
    expect(deleted.message).toContain("was deleted in Jira");
    expect(deleted.message).toContain("2026-11-28T10:00:00.000Z");
  });

  it("says 'hidden or deleted' and what to do when the project is still visible", () => {
    const hidden = explainMissingIssue("issue_hidden", context);
    expect(hidden.code).toBe("jira_issue_not_visible");
    expect(hidden.message).toMatch(/security level/);
    expect(hidden.message).toMatch(/Ada Admin/);
    expect(hidden.message).toMatch(/Sync now/);
    expect(hidden.message).not.toMatch(/was deleted in Jira/);
  });

  it("points at Browse Projects when the whole project vanished for the account", () => {
    const project = explainMissingIssue("project_hidden", { ...context, account: null });
    expect(project.code).toBe("jira_project_not_visible");
    expect(project.message).toContain('"Browse Projects" in NOVA');
  });

  it("falls back to the plain explanation when nothing could be checked", () => {
    expect(explainMissingIssue("unknown", context).code).toBe("jira_issue_missing");
  });
});
