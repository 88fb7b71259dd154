import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { SaveWebhookBody, VerifyWebhookBody, VerifyWebhookResult, WebhookSecret, WebhookView } from "../../../../common/contracts/jira-webhook.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";

const tags = ["jira webhook"];
const path = `${workspacePath}/integrations/jira/webhook`;
const access = { kind: "workspace", action: "integration.webhook" } as const;
const notConnected = json(ErrorResponse, "Jira is not connected (code: not_connected)");

export const getWebhookRoute = defineRoute({
  operationId: "getJiraWebhook",
  description:
    "Returns the Jira webhook's state, its URL, events and JQL, the last delivery and delivery counts, or the manual steps to " +
    "register it in Jira; never the secret. Admins and Moderators.",
  method: "get",
  path,
  tags,
  summary: "The webhook's state, URL, events, JQL, last delivery and counts, or the manual steps (Admin, Moderator). Never the secret.",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookView, "The webhook"), ...errorResponses, 409: notConnected },
});

export const saveWebhookRoute = defineRoute({
  operationId: "saveJiraWebhook",
  description:
    "Sets the webhook's custom JQL filter (null: the mapped project) or unsigned mode (Data Center 9 and older); the registration " +
    "in Jira follows. Admins and Moderators.",
  method: "put",
  path,
  tags,
  summary: "Set a custom JQL filter (null: the mapped project) or unsigned mode (Data Center ≤ 9); the registration follows",
  access,
  request: { params: WorkspaceParams, body: jsonBody(SaveWebhookBody, { customJql: "project = TETH AND issuetype = Epic" }) },
  responses: { 200: json(WebhookView, "Saved"), ...errorResponses, 409: notConnected },
});

export const registerWebhookRoute = defineRoute({
  operationId: "registerJiraWebhook",
  description:
    "Registers (or updates) the webhook in Jira now, which needs Jira admin rights; the returned state says what happened and " +
    "what to do by hand otherwise. Admins and Moderators.",
  method: "post",
  path: `${path}/register`,
  tags,
  summary: "Register (or update) the webhook in Jira now; the state says what happened",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookView, "The webhook after the attempt"), ...errorResponses, 409: notConnected },
});

export const verifyWebhookRoute = defineRoute({
  operationId: "verifyJiraWebhook",
  description:
    "Waits up to `timeoutSeconds` (at most 30) for a delivery from Jira and says what arrived, or why it was refused. " +
    "Admins and Moderators.",
  method: "post",
  path: `${path}/verify`,
  tags,
  summary: "Wait (at most 30 s) for a delivery and say what arrived, or why it was refused",
  access,
  request: { params: WorkspaceParams, body: { ...jsonBody(VerifyWebhookBody, { timeoutSeconds: 10 }), required: false } },
  responses: { 200: json(VerifyWebhookResult, "What arrived"), ...errorResponses, 409: notConnected },
});

export const revealWebhookSecretRoute = defineRoute({
  operationId: "revealJiraWebhookSecret",
  description:
    "Returns the webhook's HMAC secret, for registering the webhook by hand in Jira; every reveal is in the audit log. " +
    "Admins and Moderators.",
  method: "post",
  path: `${path}/secret`,
  tags,
  summary: "Reveal the HMAC secret for manual setup in Jira (Admin, Moderator; audited)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookSecret, "The secret"), ...errorResponses, 409: notConnected },
});
