import { AuditLog, AuditLogQuery } from "../../../../common/contracts/workspaces.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

export const listAuditLogRoute = defineRoute({
  operationId: "listAuditLog",
  description:
    "Lists setup changes in this workspace (members, invitations, workflow, Jira connection and mapping), newest first, " +
    "cursor-paginated. Admins and Moderators.",
  method: "get",
  path: `${workspacePath}/audit-log`,
  tags: ["workspaces"],
  summary: "Setup changes in this workspace, newest first (Admin, Moderator)",
  access: { kind: "workspace", action: "auditLog.read" },
  request: { params: WorkspaceParams, query: AuditLogQuery },
  responses: { 200: json(AuditLog, "One page; nextCursor is null on the last"), ...errorResponses },
});
