import { ReplaceStatusesBody, StatusList } from "../../../../common/contracts/workspaces.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

export const listStatusesRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/statuses`,
  tags: ["statuses"],
  summary: "The workspace's use-case workflow, in board order",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(StatusList, "Statuses"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const replaceStatusesRoute = defineRoute({
  method: "put",
  path: `${workspacePath}/statuses`,
  tags: ["statuses"],
  summary: "Replace the ordered workflow (Admin, Moderator)",
  access: { kind: "workspace", action: "statuses.manage" },
  request: { params: WorkspaceParams, body: { content: { "application/json": { schema: ReplaceStatusesBody } }, required: true } },
  responses: {
    200: json(StatusList, "The new workflow"),
    ...errorResponses,
    409: json(ErrorResponse, "A removed status still has use cases (code: conflict)"),
  },
});
