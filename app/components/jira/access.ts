import type { Role } from "../../../common/contracts/workspaces.ts";

/** Mirrors server/policies/roles.ts ("integration.setup", "integration.activate"); the server decides anyway. */
export const canSetUpJira = (role: Role | undefined) => role === "admin" || role === "moderator";
export const canActivateJiraFeatures = (role: Role | undefined) => role === "admin";
/** Mirrors "integration.view": Visitors see nothing of Jira, so the page does not even ask. */
export const seesJira = (role: Role | undefined) => role !== undefined && role !== "visitor";
/** Mirrors mayListEpicIssues (server/commands/jira/epic-listing.ts): Members only on use cases assigned to them (those they may update). */
export const seesEpicIssues = (role: Role | undefined, abilities: { update: boolean }) => seesJira(role) && (role !== "member" || abilities.update);
