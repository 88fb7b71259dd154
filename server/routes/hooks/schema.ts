import { z } from "zod";
import { ErrorResponse } from "../../../common/contracts/errors.ts";
import { defineRoute } from "../../http/route.ts";
import { json } from "../api/responses.ts";

/** Largest delivery accepted. Jira issue deliveries are a few kB; a full description stays well below. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export const jiraWebhookRoute = defineRoute({
  operationId: "receiveJiraWebhook",
  description:
    "Receives a Jira webhook delivery (outside /api/v1): checks the endpoint and the `X-Hub-Signature` over the raw body, " +
    "stores a summary, enqueues its processing and answers 202. Called by Jira, with no session or token.",
  method: "post",
  path: "/hooks/jira/{endpointId}",
  tags: ["jira webhooks"],
  summary: "Receives a Jira webhook delivery: verifies, stores, enqueues, answers 202",
  access: { kind: "webhook" },
  responses: {
    202: json(z.object({ accepted: z.literal(true), duplicate: z.boolean() }), "Stored (or already stored: `duplicate`)"),
    400: json(ErrorResponse, "Not JSON, or not a Jira delivery (codes: invalid_json, invalid_delivery)"),
    401: json(ErrorResponse, "Unsigned or wrongly signed (code: invalid_signature)"),
    404: json(ErrorResponse, "No such endpoint (code: not_found)"),
    413: json(ErrorResponse, "Body too large (code: payload_too_large)"),
  },
});
