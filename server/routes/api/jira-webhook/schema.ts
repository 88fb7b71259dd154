import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { SaveWebhookBody, VerifyWebhookBody, VerifyWebhookResult, WebhookSecret, WebhookView } from "../../../../common/contracts/jira-webhook.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

const tags = ["jira webhook"];
const path = `${workspacePath}/integrations/jira/webhook`;
const access = { kind: "workspace", action: "integration.webhook" } as const;
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const notConnected = json(ErrorResponse, "Jira is not connected (code: not_connected)");

export const getWebhookRoute = defineRoute({
  method: "get",
  path,
  tags,
  summary: "The webhook's state, URL, events, JQL, last delivery and counts, or the manual steps (Admin, Moderator). Never the secret.",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookView, "The webhook"), ...errorResponses, 409: notConnected },
});

export const saveWebhookRoute = defineRoute({
  method: "put",
  path,
  tags,
  summary: "Set a custom JQL filter (null: the mapped project) or unsigned mode (Data Center ≤ 9); the registration follows",
  access,
  request: { params: WorkspaceParams, body: body(SaveWebhookBody) },
  responses: { 200: json(WebhookView, "Saved"), ...errorResponses, 409: notConnected },
});

export const registerWebhookRoute = defineRoute({
  method: "post",
  path: `${path}/register`,
  tags,
  summary: "Register (or update) the webhook in Jira now; the state says what happened",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookView, "The webhook after the attempt"), ...errorResponses, 409: notConnected },
});

export const verifyWebhookRoute = defineRoute({
  method: "post",
  path: `${path}/verify`,
  tags,
  summary: "Wait (at most 30 s) for a delivery and say what arrived, or why it was refused",
  access,
  request: { params: WorkspaceParams, body: { ...body(VerifyWebhookBody), required: false } },
  responses: { 200: json(VerifyWebhookResult, "What arrived"), ...errorResponses, 409: notConnected },
});

export const revealWebhookSecretRoute = defineRoute({
  method: "post",
  path: `${path}/secret`,
  tags,
  summary: "Reveal the HMAC secret for manual setup in Jira (Admin, Moderator; audited)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(WebhookSecret, "The secret"), ...errorResponses, 409: notConnected },
});
