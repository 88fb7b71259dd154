import type { PermissionCheck } from "../client/types.ts";

export type PermissionNeed = "required" | "optional" | "admin";

type PermissionRule = { key: string; need: PermissionNeed; label: string; enables: string };

/**
 * The Jira permissions Tether uses, why, and what stops working without each (BRIEF C). The words
 * are for a Jira admin: they name the permission as Jira's permission scheme screen does.
 */
export const permissionRules: readonly PermissionRule[] = [
  { key: "BROWSE_PROJECTS", need: "required", label: "Browse Projects", enables: "read Epics and their child issues, or list them in use cases" },
  { key: "CREATE_ISSUES", need: "required", label: "Create Issues", enables: "create an Epic from a use case" },
  { key: "EDIT_ISSUES", need: "required", label: "Edit Issues", enables: "push use-case edits (summary, description, mapped fields) to the Epic" },
  { key: "TRANSITION_ISSUES", need: "required", label: "Transition Issues", enables: "move the Epic's status when the use case's status changes" },
  { key: "LINK_ISSUES", need: "required", label: "Link Issues", enables: "push links between use cases' Epics" },
  { key: "ASSIGN_ISSUES", need: "required", label: "Assign Issues", enables: "set the Epic's assignee from the use case" },
  { key: "DELETE_ISSUES", need: "optional", label: "Delete Issues", enables: "delete the Epic when a use case is unlinked with “delete in Jira”" },
  { key: "CLOSE_ISSUES", need: "optional", label: "Close Issues", enables: "run transitions that close an Epic in workflows that check this permission" },
  { key: "RESOLVE_ISSUES", need: "optional", label: "Resolve Issues", enables: "run transitions that set a resolution" },
  { key: "MANAGE_SPRINTS_PERMISSION", need: "optional", label: "Manage Sprints", enables: "create sprints or move issues between sprints (planning)" },
  { key: "VIEW_READONLY_WORKFLOW", need: "optional", label: "View Read-Only Workflow", enables: "read the projects' workflows for the planning board (card statuses and their order)" },
  { key: "ADD_COMMENTS", need: "optional", label: "Add Comments", enables: "sync comments to Jira" },
  { key: "ADMINISTER", need: "admin", label: "Jira Administrators (global)", enables: "register the webhook automatically; you can paste it into Jira's admin console yourself instead" },
];

export const projectPermissionKeys = permissionRules.filter((r) => r.need !== "admin").map((r) => r.key);
export const globalPermissionKeys = permissionRules.filter((r) => r.need === "admin").map((r) => r.key);

export type PermissionFinding = {
  permission: string;
  label: string;
  need: PermissionNeed;
  granted: boolean;
  /** For a missing permission: what stops working and what to grant, in a Jira admin's words. */
  explanation: string | null;
};

export type ProjectPermissionReport = { projectKey: string; findings: PermissionFinding[]; missingRequired: string[] };

export type PermissionReport = {
  projects: ProjectPermissionReport[];
  administer: PermissionFinding;
  /** True when every required permission is granted in every project. */
  ready: boolean;
};

function finding(rule: PermissionRule, granted: boolean, account: string, projectKey: string | null): PermissionFinding {
  const where = projectKey ? `in project ${projectKey}'s permission scheme` : "as a global permission";
  return {
    permission: rule.key,
    label: rule.label,
    need: rule.need,
    granted,
    explanation: granted
      ? null
      : `Without “${rule.label}”, Tether cannot ${rule.enables}. A Jira admin can grant “${rule.label}” to ${account} ${where}` +
        (rule.need === "required" ? " — Tether needs it." : " if you want this."),
  };
}

/** Turns Jira's raw yes/no answers into the report the settings page shows. */
export function buildPermissionReport(checks: readonly PermissionCheck[], projectKeys: readonly string[], account: string): PermissionReport {
  const granted = (projectKey: string | null, key: string) =>
    checks.some((c) => c.projectKey === projectKey && c.permission === key && c.granted) ||
    // Jira answers ADMINISTER globally even when asked per project.
    (key === "ADMINISTER" && checks.some((c) => c.permission === key && c.granted));
  const projects = projectKeys.map((projectKey) => {
    const findings = permissionRules.filter((r) => r.need !== "admin").map((r) => finding(r, granted(projectKey, r.key), account, projectKey));
    return { projectKey, findings, missingRequired: findings.filter((f) => f.need === "required" && !f.granted).map((f) => f.permission) };
  });
  const adminRule = permissionRules.find((r) => r.need === "admin");
  if (!adminRule) throw new Error("ADMINISTER rule missing");
  return {
    projects,
    administer: finding(adminRule, granted(null, "ADMINISTER"), account, null),
    ready: projects.length > 0 && projects.every((p) => p.missingRequired.length === 0),
  };
}
