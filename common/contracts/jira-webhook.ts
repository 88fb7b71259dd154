import { z } from "zod";

/**
 * The workspace's Jira webhook (docs/WEBHOOKS.md). `state`: `registered` (Tether registered it in
 * Jira), `manual` (no Jira admin rights: follow `manualSteps`), `unreachable` (Jira Cloud cannot
 * reach PUBLIC_URL; reconciliation alone carries changes), `off` ("From Jira" is off), `error`,
 * `unregistered` (not tried yet). The secret is never part of this: see the reveal action.
 */
export const WebhookState = z.enum(["unregistered", "registered", "manual", "unreachable", "off", "error"]);
export type WebhookState = z.infer<typeof WebhookState>;

export const WebhookView = z.object({
  state: WebhookState,
  reason: z.string().nullable(),
  /** Where Jira posts; null while PUBLIC_URL is unset. */
  url: z.string().nullable(),
  events: z.array(z.string()),
  jql: z.string(),
  customJql: z.string().nullable(),
  /** Deliveries without a signature are admitted (Data Center ≤ 9 cannot sign); the secret URL alone protects them. */
  acceptUnsigned: z.boolean(),
  /** Whether this Jira can sign deliveries (Cloud, Data Center 10+). */
  jiraSigns: z.boolean(),
  lastDeliveryAt: z.iso.datetime().nullable(),
  lastRejected: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable(),
  /** Deliveries kept (the last 7 days) by what became of them. */
  counts: z.object({ received: z.int(), synced: z.int(), ignored: z.int(), broken: z.int() }),
  /** Step-by-step setup in Jira's admin console, for when Tether cannot register itself. */
  manualSteps: z.array(z.string()),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const SaveWebhookBody = z.strictObject({
  /** Custom JQL filter; null: the mapped project. */
  customJql: z.string().trim().min(1).max(2000).nullable().optional(),
  acceptUnsigned: z.boolean().optional(),
});
export type SaveWebhookBody = z.infer<typeof SaveWebhookBody>;

export const VerifyWebhookBody = z.strictObject({
  /** How long to wait for a delivery (at most 30 s). */
  timeoutSeconds: z.int().min(1).max(30).default(30),
});

export const VerifyWebhookResult = z.object({
  received: z.boolean(),
  message: z.string(),
  deliveries: z.array(z.object({ event: z.string(), issueKey: z.string().nullable(), signed: z.boolean(), receivedAt: z.iso.datetime(), status: z.string() })),
});
export type VerifyWebhookResult = z.infer<typeof VerifyWebhookResult>;

export const WebhookSecret = z.object({ secret: z.string(), url: z.string().nullable() });
