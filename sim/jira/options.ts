import { z } from "zod";

/** Forwarded to the webhook dispatcher (sim/jira/webhooks), same names as its `WebhookFaults`. */
export const webhookFaultsSchema = z.object({
  dropRate: z.number().min(0).max(1).default(0),
  duplicateRate: z.number().min(0).max(1).default(0),
  reorderRate: z.number().min(0).max(1).default(0),
  delayMs: z.number().int().min(0).default(0),
  delayJitterMs: z.number().int().min(0).default(0),
  /** Extra wait for deliveries on Jira Cloud's Secondary flow (cascading fallout). */
  secondaryDelayMs: z.number().int().min(0).default(0),
  /** Not a fault: 1 = Cloud's real retry schedule (up to 30 minutes); tests compress it, e.g. 0.001. */
  retryTimeScale: z.number().min(0).max(1).default(1),
  seed: z.number().int().optional(),
});
export type WebhookFaultSettings = z.infer<typeof webhookFaultsSchema>;

/** Everything that can go wrong, all off by default. Rates are probabilities per request. */
export const faultConfigSchema = z.object({
  latencyMs: z.number().int().min(0).default(0),
  jitterMs: z.number().int().min(0).default(0),
  /** Probability of a 5xx before the request is handled (nothing is written). */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503)]).default(503),
  /** Probability of a 429 (quota) before the request is handled. */
  rateLimitRate: z.number().min(0).max(1).default(0),
  /** Seconds sent in Retry-After on injected 429s; null sends no Retry-After at all (Jira does that too). */
  retryAfterSeconds: z.number().int().min(0).nullable().default(5),
  /** Jira Cloud's two per-issue write limits: about 20 writes per 2 s and 100 per 30 s. */
  perIssueWriteLimit: z
    .object({
      enabled: z.boolean().default(false),
      max: z.number().int().min(1).default(20),
      windowMs: z.number().int().min(1).default(2000),
      sustainedMax: z.number().int().min(1).default(100),
      sustainedWindowMs: z.number().int().min(1).default(30_000),
    })
    .prefault({}),
  burstLimit: z
    .object({ enabled: z.boolean().default(false), getPostPerSecond: z.number().int().min(1).default(100), putDeletePerSecond: z.number().int().min(1).default(50) })
    .prefault({}),
  /** Probability that a successful write is committed and then the connection is reset. */
  resetAfterWriteRate: z.number().min(0).max(1).default(0),
  /**
   * When not empty, the request faults above (latency, 5xx, 429, limits, commit-then-reset) hit
   * only requests whose path contains one of these, e.g. `["/search"]` fails searches alone.
   */
  onlyPaths: z.array(z.string().min(1)).default([]),
  /** Cloud search is eventually consistent: issues newer than this are not yet searchable. */
  searchIndexLagMs: z.number().int().min(0).default(0),
  webhooks: webhookFaultsSchema.prefault({}),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

/** A partial update: nested objects may be partial too. */
export const faultPatchSchema = faultConfigSchema
  .omit({ perIssueWriteLimit: true, burstLimit: true, webhooks: true })
  .partial()
  .extend({
    perIssueWriteLimit: faultConfigSchema.shape.perIssueWriteLimit.unwrap().partial().optional(),
    burstLimit: faultConfigSchema.shape.burstLimit.unwrap().partial().optional(),
    webhooks: webhookFaultsSchema.partial().optional(),
  })
  .strict();
export type FaultPatch = z.infer<typeof faultPatchSchema>;

export function defaultFaults(): FaultConfig {
  return faultConfigSchema.parse({});
}

export function applyFaultPatch(current: FaultConfig, patch: FaultPatch): FaultConfig {
  return faultConfigSchema.parse({
    ...current,
    ...stripUndefined(patch),
    perIssueWriteLimit: { ...current.perIssueWriteLimit, ...stripUndefined(patch.perIssueWriteLimit ?? {}) },
    burstLimit: { ...current.burstLimit, ...stripUndefined(patch.burstLimit ?? {}) },
    webhooks: { ...current.webhooks, ...stripUndefined(patch.webhooks ?? {}) },
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
