/**
 * Webhooks that really fire: `createWebhookDispatcher` POSTs each event to every enabled
 * registration subscribed to it whose JQL filter matches the issue (a filter that does not parse
 * never matches), in the envelope real Jira sends for the chosen flavor.
 *
 * Guarantees:
 * - Headers as Jira: `Content-Type: application/json; charset=UTF-8`, `User-Agent`,
 *   `X-Atlassian-Webhook-Identifier` (one per delivery, the same on every retry and on a
 *   duplicate copy), `X-Atlassian-Webhook-Retry: n` on the n-th retry only,
 *   `X-Atlassian-Webhook-Flow: Primary|Secondary` on Cloud (Secondary: a change's cascading
 *   fallout, sent after the Primary deliveries), and
 *   `X-Hub-Signature: sha256=<hex HMAC of the exact body bytes>` when the registration has a secret.
 * - Cloud retries 408, 409, 425, 429, 5xx, timeouts and network errors five times, backing off
 *   so the last retry starts within 30 minutes (`retryTimeScale` compresses that for tests);
 *   other statuses are not retried. Data Center does not retry.
 * - Faults (drop, duplicate, reorder, delay) draw from a seeded PRNG, so a seed replays the same
 *   fault pattern for the same sequence of deliveries.
 * - Every attempt is recorded (`deliveries()`); `idle()` resolves once nothing is in flight,
 *   scheduled or held back; `close()` cancels what is pending and waits for in-flight requests.
 */
export type {
  AnyWebhookEvent,
  DeliveryOutcome,
  DeliveryRecord,
  SimWebhookEvent,
  SimWebhookEventName,
  SimSiteWebhookEvent,
  SimSiteWebhookEventName,
  WebhookDispatcher,
  WebhookDispatcherOptions,
  WebhookFaults,
  WebhookRegistration,
  WebhookRetryOptions,
} from "./types.ts";
export { createWebhookDispatcher } from "./dispatcher.ts";
export { buildWebhookEnvelopes, type WebhookEnvelope } from "./envelope.ts";
export { signWebhookBody } from "./signature.ts";
