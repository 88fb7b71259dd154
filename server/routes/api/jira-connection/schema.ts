import { ConnectionResponse, MetadataResponse, SaveConnectionBody, TestResponse } from "../../../../common/contracts/jira-connection.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";

const base = `${workspacePath}/integrations/jira`;
const notConnected = json(ErrorResponse, "No Jira connection yet (code: not_connected)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");

export const getConnectionRoute = defineRoute({
  operationId: "getJiraConnection",
  description:
    "Returns the workspace's Jira connection (kind, base URL, account, projects, secret expiry), or null; never the secret. " +
    "Admins and Moderators.",
  method: "get",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "The workspace's Jira connection (never its secret)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(ConnectionResponse, "The connection, or null"), ...errorResponses },
});

export const saveConnectionRoute = defineRoute({
  operationId: "saveJiraConnection",
  description:
    "Creates or replaces the workspace's Jira connection; the secret is encrypted at rest and omitted `secret` keeps the stored one. " +
    "Admins and Moderators.",
  method: "put",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "Create or replace the connection (Admin, Moderator); omit `secret` to keep the stored one",
  access: { kind: "workspace", action: "integration.setup" },
  request: {
    params: WorkspaceParams,
    body: jsonBody(SaveConnectionBody, {
      kind: "cloud",
      baseUrl: "https://your-site.atlassian.net",
      accountName: "ada@example.com",
      secret: "<Jira API token>",
      projectKeys: ["TETH"],
      secretExpiresOn: "2027-06-30",
    }),
  },
  responses: { 200: json(ConnectionResponse, "Saved"), ...errorResponses },
});

export const deleteConnectionRoute = defineRoute({
  operationId: "deleteJiraConnection",
  description:
    "Removes the Jira connection and its cached metadata; linked use cases stop syncing. Admins and Moderators.",
  method: "delete",
  path: `${base}/connection`,
  tags: ["jira"],
  summary: "Remove the connection and its cached metadata",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { ...noContent, ...errorResponses, 409: notConnected },
});

export const testConnectionRoute = defineRoute({
  operationId: "testJiraConnection",
  description:
    "Calls Jira with the saved connection and reports the server, the account, the deployment and a permission report per project " +
    "(cached for the settings page). Admins and Moderators.",
  method: "post",
  path: `${base}/connection/test`,
  tags: ["jira"],
  summary: "Test the connection: server, account, deployment, permission report (cached)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(TestResponse, "What Jira said, with problems and advice"), ...errorResponses, 409: notConnected },
});

export const getMetadataRoute = defineRoute({
  operationId: "getJiraMetadata",
  description:
    "Returns the cached Jira metadata (projects, issue types, fields, priorities, statuses, link types, boards, sprints) the " +
    "mapping is checked against. Admins and Moderators.",
  method: "get",
  path: `${base}/metadata`,
  tags: ["jira"],
  summary: "Cached Jira metadata: projects, issue types, fields, priorities, statuses, link types, boards, sprints",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MetadataResponse, "Cached metadata"), ...errorResponses, 409: notConnected },
});

export const refreshMetadataRoute = defineRoute({
  operationId: "refreshJiraMetadata",
  description:
    "Loads the Jira metadata from Jira now and replaces the cache. Admins and Moderators.",
  method: "post",
  path: `${base}/metadata/refresh`,
  tags: ["jira"],
  summary: "Pull metadata from Jira now and replace the cache",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MetadataResponse, "Fresh metadata"), ...errorResponses, 409: notConnected, 502: jiraFailed },
});
