import { FeaturesResponse, UpdateFeaturesBody } from "../../../../common/contracts/jira-connection.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

export const getFeaturesRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/integrations/jira/features`,
  tags: ["jira"],
  summary: "Which integration features are on (not for Visitors)",
  access: { kind: "workspace", action: "integration.view" },
  request: { params: WorkspaceParams },
  responses: { 200: json(FeaturesResponse, "Features"), ...errorResponses },
});

export const updateFeaturesRoute = defineRoute({
  method: "patch",
  path: `${workspacePath}/integrations/jira/features`,
  tags: ["jira"],
  summary: "Switch integration features on or off (Admin: “activate”)",
  access: { kind: "workspace", action: "integration.activate" },
  request: { params: WorkspaceParams, body: { content: { "application/json": { schema: UpdateFeaturesBody } }, required: true } },
  responses: { 200: json(FeaturesResponse, "Features now"), ...errorResponses, 409: json(ErrorResponse, "No connection yet (code: not_connected)") },
});
