import { z } from "zod";
import { safeText } from "../../../../common/contracts/safe-text.ts";
import { ConnectionResponse, MetadataResponse, SaveConnectionBody, TestResponse } from "../../../../common/contracts/jira-connection.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, noContent } from "../responses.ts";

const base = `${workspacePath}/integrations/jira`;
const notConnected = json(ErrorResponse, "No Jira connection yet (code: not_connected)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");

export const getConnectionRoute = defineRoute({
  method: "get",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "The workspace's Jira connection (never its secret)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(ConnectionResponse, "The connection, or null"), ...errorResponses },
});

export const saveConnectionRoute = defineRoute({
  method: "put",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "Create or replace the connection (Admin, Moderator); omit `secret` to keep the stored one",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams, body: { content: { "application/json": { schema: SaveConnectionBody } }, required: true } },
  responses: { 200: json(ConnectionResponse, "Saved"), ...errorResponses },
});

export const deleteConnectionRoute = defineRoute({
  method: "delete",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "Remove the connection and its cached metadata",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { ...noContent, ...errorResponses, 409: notConnected },
});

export const testConnectionRoute = defineRoute({
  method: "post",
  path: `${base}/connection/test`,
  tags: ["jira"],
  summary: "Test the connection: server, account, deployment, permission report (cached)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(TestResponse, "What Jira said, with problems and advice"), ...errorResponses, 409: notConnected },
});

export const getMetadataRoute = defineRoute({
  method: "get",
  path: `${base}/metadata`,
  tags: ["jira"],
  summary: "Cached Jira metadata: projects, issue types, fields, priorities, statuses, link types, boards, sprints",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams, query: z.object({ kind: safeText().max(100).optional() }) },
  responses: { 200: json(MetadataResponse, "Cached metadata"), ...errorResponses, 409: notConnected },
});

export const refreshMetadataRoute = defineRoute({
  method: "post",
  path: `${base}/metadata/refresh`,
  tags: ["jira"],
  summary: "Pull metadata from Jira now and replace the cache",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MetadataResponse, "Fresh metadata"), ...errorResponses, 409: notConnected, 502: jiraFailed },
});
