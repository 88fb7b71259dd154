import { FeaturesResponse, UpdateFeaturesBody } from "../../../../common/contracts/jira-connection.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";

export const getFeaturesRoute = defineRoute({
  operationId: "getJiraFeatures",
  description:
    "Says which integration features are on: Tether → Jira, Jira → Tether, issue listing. Admins, Moderators and Members; " +
    "Visitors get 403 (they see nothing of the integration).",
  method: "get",
  path: `${workspacePath}/integrations/jira/features`,
  tags: ["jira"],
  summary: "Which integration features are on (not for Visitors)",
  access: { kind: "workspace", action: "integration.view" },
  request: { params: WorkspaceParams },
  responses: { 200: json(FeaturesResponse, "Features"), ...errorResponses },
});

export const updateFeaturesRoute = defineRoute({
  operationId: "updateJiraFeatures",
  description:
    "Switches integration features on or off (“activate”); omitted features keep their state. Admins only.",
  method: "patch",
  path: `${workspacePath}/integrations/jira/features`,
  tags: ["jira"],
  summary: "Switch integration features on or off (Admin: “activate”)",
  access: { kind: "workspace", action: "integration.activate" },
  request: { params: WorkspaceParams, body: jsonBody(UpdateFeaturesBody, { toJira: true, fromJira: true }) },
  responses: { 200: json(FeaturesResponse, "Features now"), ...errorResponses, 409: json(ErrorResponse, "No connection yet (code: not_connected)") },
});
