import { HealthResponse } from "../../../../common/contracts/jira-health.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

export const getHealthRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/integrations/jira/health`,
  operationId: "getJiraConnectionHealth",
  tags: ["jira"],
  summary: "The Jira connection's health, from its last test",
  description:
    "Who may: Admins, Moderators and Members (not Visitors). Answers from the result the last “Test connection” stored " +
    "(no call to Jira): ok, broken (with the reason), untested since saved, or not connected.",
  access: { kind: "workspace", action: "integration.view" },
  request: { params: WorkspaceParams },
  responses: { 200: json(HealthResponse, "Health"), ...errorResponses },
});
