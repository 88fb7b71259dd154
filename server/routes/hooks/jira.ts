import { createHash } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { parseDelivery } from "../../../integrations/jira/webhooks/delivery.ts";
import { verifySignature } from "../../../integrations/jira/webhooks/signature.ts";
import { AppError } from "../../errors.ts";
import { mount } from "../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../http/types.ts";
import { endpointSecret, findEndpointByPath, recordRejection } from "../../models/jira-webhook-endpoints.ts";
import { storeDelivery } from "../../models/jira-webhook-deliveries.ts";
import { jiraWebhookRoute } from "./schema.ts";

const pathIdPattern = /^[A-Za-z0-9_-]{20,100}$/;
const noSuchEndpoint = () => new AppError("not_found", "No webhook endpoint at this address.");
const rejectionWords = {
  missing: "The delivery was not signed (no X-Hub-Signature), and this endpoint requires a signature.",
  malformed: "The X-Hub-Signature header was not of the form <method>=<hex>.",
  unsupported_method: "The X-Hub-Signature method is not one Tether knows (sha256, sha1, sha512).",
  mismatch: "The signature did not match: the secret in Jira differs from this endpoint's secret.",
} as const;

/**
 * `POST /hooks/jira/{endpointId}`, outside /api/v1 (docs/WEBHOOKS.md): verify the signature over
 * the raw body, store the delivery's summary (deduplicated by its identifier) together with its
 * ingest job, answer 202. Nothing else happens in the request.
 */
export function registerJiraWebhookRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Size (413) and JSON depth are bounded for every route by server/app.ts, this one included.
  mount(app, deps, jiraWebhookRoute, async (c) => {
    const pathId = c.req.param("endpointId");
    if (!pathId || !pathIdPattern.test(pathId)) throw noSuchEndpoint();
    const endpoint = await findEndpointByPath(deps.db, pathId);
    if (!endpoint) throw noSuchEndpoint();
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const check = verifySignature(c.req.header("x-hub-signature"), raw, endpointSecret(deps.secretBox, endpoint), { acceptUnsigned: endpoint.accept_unsigned });
    if (!check.ok) {
      await recordRejection(deps.db, endpoint.workspace_id, rejectionWords[check.reason]);
      throw new AppError("invalid_signature", rejectionWords[check.reason]);
    }
    const parsed = parseDelivery(raw);
    if (!parsed.ok) {
      throw parsed.reason === "malformed_json"
        ? new AppError("invalid_json", "The delivery body is not valid JSON.")
        : new AppError("invalid_delivery", "The body is JSON but not a Jira webhook delivery (no `webhookEvent`).");
    }
    const header = c.req.header("x-atlassian-webhook-identifier")?.trim();
    const identifier = header ? header.slice(0, 200) : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
    const stored = await storeDelivery(deps.db, { workspaceId: endpoint.workspace_id, identifier, ...parsed.summary, signed: check.signed });
    return c.json({ accepted: true as const, duplicate: !stored }, 202);
  });
}
