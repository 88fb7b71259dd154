import { describe, expect, it } from "vitest";
import { buildPermissionReport, projectPermissionKeys } from "./permission-report.ts";

const allGranted = (projectKey: string) => projectPermissionKeys.map((permission) => ({ projectKey, permission, granted: true }));

describe("permission report", () => {
  it("is ready when every required permission is granted in every project", () => {
    const report = buildPermissionReport([...allGranted("TETH"), { projectKey: null, permission: "ADMINISTER", granted: true }], ["TETH"], "bot@example.com");
    expect(report.ready).toBe(true);
    expect(report.administer.granted).toBe(true);
    expect(report.projects[0]?.findings.every((f) => f.granted && f.explanation === null)).toBe(true);
  });

  it("explains a missing permission in words a Jira admin can act on", () => {
    const checks = allGranted("TETH").map((c) => (c.permission === "TRANSITION_ISSUES" ? { ...c, granted: false } : c));
    const report = buildPermissionReport(checks, ["TETH"], "bot@example.com");
    expect(report.ready).toBe(false);
    expect(report.projects[0]?.missingRequired).toEqual(["TRANSITION_ISSUES"]);
    const transition = report.projects[0]?.findings.find((f) => f.permission === "TRANSITION_ISSUES");
    expect(transition?.explanation).toContain("“Transition Issues” to bot@example.com in project TETH's permission scheme");
    expect(transition?.explanation).toContain("Tether cannot move the Epic's status");
  });

  it("treats missing optional permissions and ADMINISTER as not blocking", () => {
    const checks = allGranted("TETH").map((c) => (c.permission === "DELETE_ISSUES" ? { ...c, granted: false } : c));
    const report = buildPermissionReport(checks, ["TETH"], "bot");
    expect(report.ready).toBe(true);
    expect(report.administer.granted).toBe(false);
    expect(report.administer.explanation).toContain("paste it into Jira's admin console");
  });

  it("is not ready without any project, and checks each project separately", () => {
    expect(buildPermissionReport([], [], "bot").ready).toBe(false);
    const report = buildPermissionReport(allGranted("A"), ["A", "B"], "bot");
    expect(report.projects.map((p) => p.missingRequired.length)).toEqual([0, 6]);
  });
});
