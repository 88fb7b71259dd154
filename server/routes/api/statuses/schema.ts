import { ReplaceStatusesBody, StatusList } from "../../../../common/contracts/workspaces.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";

export const listStatusesRoute = defineRoute({
  operationId: "listStatuses",
  description:
    "Lists the statuses of the workspace's use-case workflow in board order, with their category. Any member; others get 404.",
  method: "get",
  path: `${workspacePath}/statuses`,
  tags: ["statuses"],
  summary: "The workspace's use-case workflow, in board order",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(StatusList, "Statuses"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const replaceStatusesRoute = defineRoute({
  operationId: "replaceStatuses",
  description:
    "Replaces the ordered workflow: statuses with an `id` are kept (renamed, moved), new ones are added, missing ones removed " +
    "(only if no use case has them). Admins and Moderators.",
  method: "put",
  path: `${workspacePath}/statuses`,
  tags: ["statuses"],
  summary: "Replace the ordered workflow (Admin, Moderator)",
  access: { kind: "workspace", action: "statuses.manage" },
  request: {
    params: WorkspaceParams,
    body: jsonBody(ReplaceStatusesBody, {
      statuses: [
        { id: "0b9f4c1e-6a53-4c8e-9a7d-2f1e8c3b5a10", name: "Idea", category: "todo" },
        { name: "Evaluating", category: "in_progress" },
        { id: "7d2a9e44-1c6b-4f0e-8b3a-5e9c2d1f4a77", name: "Done", category: "done" },
      ],
    }),
  },
  responses: {
    200: json(StatusList, "The new workflow"),
    ...errorResponses,
    409: json(ErrorResponse, "A removed status still has use cases (code: conflict)"),
  },
});
