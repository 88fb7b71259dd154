import type { JqlIssue } from "../jql/types.ts";
import type { WebhookRegistration } from "../model/types.ts";

export type SimWebhookEventName =
  | "jira:issue_created"
  | "jira:issue_updated"
  | "jira:issue_deleted"
  | "comment_created"
  | "comment_updated"
  | "comment_deleted";

/** One change in the simulator, rendered in the REST v2 shape webhook bodies carry. */
export type SimWebhookEvent = {
  webhookEvent: SimWebhookEventName;
  issueEventTypeName?: string;
  user?: Record<string, unknown>;
  issue: Record<string, unknown>;
  changelog?: { id: string; items: Record<string, unknown>[] };
  comment?: Record<string, unknown>;
  jqlView: JqlIssue;
  /**
   * Comment events only: the full webhook-shape issue, used for the `jira:issue_updated`
   * delivery Jira also sends for a comment (`issue_commented` …). Falls back to `issue`.
   */
  issueSnapshot?: Record<string, unknown>;
};

// The store keeps the registrations; the dispatcher reads the same type.
export type { WebhookRegistration } from "../model/types.ts";

/** Probabilities are 0..1 per delivery; all default to 0 (faithful, prompt delivery). */
export type WebhookFaults = {
  dropRate: number;
  duplicateRate: number;
  reorderRate: number;
  delayMs: number;
  delayJitterMs: number;
  seed?: number;
};

export type WebhookRetryOptions = {
  /** Attempts in total, first one included. Cloud: 6 (five retries); Data Center: 1 (Jira DC does not retry). */
  maxAttempts?: number;
  /** First retry waits this long, doubling after each failed attempt (with ±25 % jitter). */
  baseDelayMs?: number;
  /** A receiver that has not answered by then counts as a timeout, which is retried. */
  timeoutMs?: number;
};

export type WebhookDispatcherOptions = {
  flavor: "cloud" | "datacenter";
  faults?: Partial<WebhookFaults>;
  retry?: WebhookRetryOptions;
  log?: (msg: string, data?: object) => void;
  /** How long a reordered delivery waits for a later one to overtake it before going anyway. */
  reorderHoldMs?: number;
  /** Attempt records kept in memory (oldest dropped first). */
  keepDeliveries?: number;
  /** Clock for envelope timestamps; tests may pin it. */
  now?: () => number;
  /** Custom field id number → name, so JQL filters may use `cf[NNNNN]`. */
  customFieldNames?: ReadonlyMap<string, string>;
};

/**
 * How one attempt ended: `delivered` (2xx/3xx), `rejected` (4xx other than 429, not retried),
 * `retrying` (failed, another attempt is scheduled), `failed` (failed, attempts exhausted),
 * `dropped` (a fault swallowed it), `cancelled` (the dispatcher closed).
 */
export type DeliveryOutcome = "delivered" | "rejected" | "retrying" | "failed" | "dropped" | "cancelled";

export type DeliveryRecord = {
  registrationId: string;
  url: string;
  identifier: string;
  /** 1 for the first attempt; a duplicate copy starts again at 1. */
  attempt: number;
  /** True for the extra copy a duplicate fault sends. */
  duplicate: boolean;
  webhookEvent: string;
  issueKey: string;
  status: number | null;
  error: string | null;
  outcome: DeliveryOutcome;
  startedAt: Date;
  finishedAt: Date;
};

export type WebhookDispatcher = {
  dispatch(event: SimWebhookEvent, registrations: readonly WebhookRegistration[]): void;
  setFaults(faults: Partial<WebhookFaults>): void;
  deliveries(): readonly DeliveryRecord[];
  idle(): Promise<void>;
  close(): Promise<void>;
};
