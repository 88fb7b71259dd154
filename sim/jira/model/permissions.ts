import { projectPermissionKeys, type PermissionKey, type ProjectPermissionKey } from "./types.ts";

export type PermissionDef = { id: string; key: PermissionKey; name: string; type: "PROJECT" | "GLOBAL"; description: string };

export const permissionDefs: readonly PermissionDef[] = [
  { id: "10", key: "BROWSE_PROJECTS", name: "Browse Projects", type: "PROJECT", description: "Ability to browse projects and the issues within them." },
  { id: "11", key: "CREATE_ISSUES", name: "Create Issues", type: "PROJECT", description: "Ability to create issues." },
  { id: "12", key: "EDIT_ISSUES", name: "Edit Issues", type: "PROJECT", description: "Ability to edit issues." },
  { id: "46", key: "TRANSITION_ISSUES", name: "Transition Issues", type: "PROJECT", description: "Ability to transition issues." },
  { id: "21", key: "LINK_ISSUES", name: "Link Issues", type: "PROJECT", description: "Ability to link issues together and create linked issues. Only useful if issue linking is turned on." },
  { id: "13", key: "ASSIGN_ISSUES", name: "Assign Issues", type: "PROJECT", description: "Ability to assign issues to other people." },
  { id: "17", key: "ASSIGNABLE_USER", name: "Assignable User", type: "PROJECT", description: "Users with this permission may be assigned to issues." },
  { id: "16", key: "DELETE_ISSUES", name: "Delete Issues", type: "PROJECT", description: "Ability to delete issues." },
  { id: "18", key: "CLOSE_ISSUES", name: "Close Issues", type: "PROJECT", description: "Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them." },
  { id: "14", key: "RESOLVE_ISSUES", name: "Resolve Issues", type: "PROJECT", description: "Ability to resolve and reopen issues. This includes the ability to set a fix version." },
  { id: "28", key: "SCHEDULE_ISSUES", name: "Schedule Issues", type: "PROJECT", description: "Ability to set or edit an issue's due date." },
  { id: "-1", key: "MANAGE_SPRINTS_PERMISSION", name: "Manage sprints", type: "PROJECT", description: "Ability to manage sprints." },
  { id: "45", key: "VIEW_READONLY_WORKFLOW", name: "View Read-Only Workflow", type: "PROJECT", description: "Users with this permission may view a read-only version of a workflow." },
  { id: "15", key: "ADD_COMMENTS", name: "Add Comments", type: "PROJECT", description: "Ability to comment on issues." },
  { id: "34", key: "EDIT_ALL_COMMENTS", name: "Edit All Comments", type: "PROJECT", description: "Ability to edit all comments made on issues." },
  { id: "35", key: "EDIT_OWN_COMMENTS", name: "Edit Own Comments", type: "PROJECT", description: "Ability to edit own comments made on issues." },
  { id: "36", key: "DELETE_ALL_COMMENTS", name: "Delete All Comments", type: "PROJECT", description: "Ability to delete all comments made on issues." },
  { id: "37", key: "DELETE_OWN_COMMENTS", name: "Delete Own Comments", type: "PROJECT", description: "Ability to delete own comments made on issues." },
  { id: "23", key: "ADMINISTER_PROJECTS", name: "Administer Projects", type: "PROJECT", description: "Ability to administer a project in Jira." },
  { id: "0", key: "ADMINISTER", name: "Administer Jira", type: "GLOBAL", description: "Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings." },
  { id: "44", key: "SYSTEM_ADMIN", name: "Jira System Administrators", type: "GLOBAL", description: "Ability to perform most administration functions (including Import & Export, SMTP Configuration, etc.)." },
  { id: "27", key: "USER_PICKER", name: "Browse users and groups", type: "GLOBAL", description: "Ability to select a user or group from a popup window as well as the ability to use the 'share' issues feature." },
  { id: "22", key: "CREATE_SHARED_OBJECTS", name: "Create Shared Objects", type: "GLOBAL", description: "Ability to share dashboards and filters with other users, groups and roles." },
];

export const permissionsByKey = new Map(permissionDefs.map((definition) => [definition.key, definition]));

export const allProjectPermissions: readonly ProjectPermissionKey[] = projectPermissionKeys;

/** A developer without admin rights: everything but project administration. */
export const developerPermissions: readonly ProjectPermissionKey[] = projectPermissionKeys.filter((key) => key !== "ADMINISTER_PROJECTS");

export function isProjectPermission(key: string): key is ProjectPermissionKey {
  return (projectPermissionKeys as readonly string[]).includes(key);
}
