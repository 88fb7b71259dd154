import type { Role } from "../../../common/contracts/workspaces.ts";

/** Mirrors server/policies/roles.ts ("integration.setup", "integration.activate"); the server decides anyway. */
export const canSetUpJira = (role: Role | undefined) => role === "admin" || role === "moderator";
export const canActivateJiraFeatures = (role: Role | undefined) => role === "admin";
