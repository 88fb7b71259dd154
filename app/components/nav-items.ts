import type { WorkspaceSummary } from "../../common/contracts/workspaces.ts";
import { can } from "./current-workspace.ts";
import { canSetUpJira } from "./jira/access.ts";

export type NavItem = {
  to: string;
  label: string;
  /** Suffix of the test ids: `nav-<id>` in the top bar, `mobile-nav-<id>` in the phone menu. */
  id: string;
  /** Active only on this exact path (Settings is not active on the Jira settings page under it). */
  end?: boolean;
};

/** The workspace's pages, in the top bar on wide screens and in the burger menu on phones. */
export function workspaceNavItems(workspace: WorkspaceSummary): NavItem[] {
  const base = `/w/${workspace.id}`;
  const items: NavItem[] = [
    { to: `${base}/use-cases`, label: "Use cases", id: "use-cases" },
    ...(workspace.role === "visitor" ? [] : [{ to: `${base}/planning`, label: "Planning", id: "planning" }]),
    { to: `${base}/members`, label: can.manageMembers(workspace.role) ? "Members & roles" : "Members", id: "members" },
  ];
  if (canSetUpJira(workspace.role)) {
    items.push({ to: `${base}/settings`, label: "Settings", id: "workspace-settings", end: true });
    items.push({ to: `${base}/settings/jira`, label: "Jira settings", id: "jira-settings" });
  }
  return items;
}
