import type { Role } from "../db/schema.ts";

/**
 * Workspace-level actions and the roles that may perform them. The integration rows are the
 * portfolio seed's permission table (BRIEF A); use-case rules that depend on assignment are in
 * use-cases.ts.
 */
export const workspaceActions = {
  "workspace.read": ["admin", "moderator", "member", "visitor"],
  "workspace.update": ["admin"],
  "members.read": ["admin", "moderator", "member", "visitor"],
  "members.manage": ["admin"],
  "invitations.manage": ["admin"],
  "statuses.manage": ["admin", "moderator"],
  "auditLog.read": ["admin", "moderator"],
  "useCase.create": ["admin", "moderator", "member"],
  // Moderators only where the workspace allows it (commands/custom-fields.ts checks the setting).
  "customFields.define": ["admin", "moderator"],
  "integration.view": ["admin", "moderator", "member"],
  "integration.activate": ["admin"],
  "integration.setup": ["admin", "moderator"],
  "integration.fieldMapping": ["admin", "moderator"],
  "integration.webhook": ["admin", "moderator"],
  // PI planning (BRIEF J): Members plan cards of use cases assigned to them (planning/access.ts).
  "planning.view": ["admin", "moderator", "member"],
  "planning.setup": ["admin", "moderator"],
} as const satisfies Record<string, readonly Role[]>;

export type WorkspaceAction = keyof typeof workspaceActions;

export function roleMay(role: Role, action: WorkspaceAction): boolean {
  return (workspaceActions[action] as readonly Role[]).includes(role);
}

export const roleRank: Record<Role, number> = { visitor: 0, member: 1, moderator: 2, admin: 3 };
