import type { JqlIssue } from "../jql/types.ts";
import type { WebhookRegistration } from "../model/types.ts";

export type SimWebhookEventName =
  | "jira:issue_created"
  | "jira:issue_updated"
  | "jira:issue_deleted"
  | "comment_created"
  | "comment_updated"
  | "comment_deleted";

/** Events about a sprint or an issue link: no issue in the body, so a webhook's JQL filter does not apply. */
export type SimSiteWebhookEventName =
  | "sprint_created"
  | "sprint_updated"
  | "sprint_started"
  | "sprint_closed"
  | "sprint_deleted"
  | "issuelink_created"
  | "issuelink_deleted";

/**
 * Jira Cloud's delivery lanes (`X-Atlassian-Webhook-Flow`): `Primary` for the change a user made,
 * `Secondary` for its fallout in bulk or cascading changes (e.g. the comment_deleted sent for each
 * comment of a deleted issue), which Jira allows up to about 15 minutes.
 */
export type WebhookFlow = "Primary" | "Secondary";

/** One change in the simulator, rendered in the REST v2 shape webhook bodies carry. */
export type SimWebhookEvent = {
  webhookEvent: SimWebhookEventName;
  /** Default `Primary`. */
  flow?: WebhookFlow;
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
  /**
   * Comment events only: whether Jira also sends the `jira:issue_updated` twin (default true).
   * Not for the comment deletions that follow an issue deletion: there is no issue left to update.
   */
  issueUpdatedTwin?: boolean;
};

/**
 * A change that is not about one issue (a sprint, an issue link). Jira applies a webhook's JQL
 * only to issue-related events, so every registration subscribed to the event receives it.
 */
export type SimSiteWebhookEvent = {
  webhookEvent: SimSiteWebhookEventName;
  /** Default `Primary`. */
  flow?: WebhookFlow;
  /** What follows `timestamp` and `webhookEvent` in the body, keys in Jira's order (e.g. `sprint`, `oldValue`; `issueLink`). */
  payload: Record<string, unknown>;
};

/** Anything the dispatcher sends. */
export type AnyWebhookEvent = SimWebhookEvent | SimSiteWebhookEvent;

export const isSiteEvent = (event: AnyWebhookEvent): event is SimSiteWebhookEvent => "payload" in event;

// The store keeps the registrations; the dispatcher reads the same type.
export type { WebhookRegistration } from "../model/types.ts";

/** Probabilities are 0..1 per delivery; all default to 0 (faithful, prompt delivery). */
export type WebhookFaults = {
  dropRate: number;
  duplicateRate: number;
  reorderRate: number;
  delayMs: number;
  delayJitterMs: number;
  /** Extra wait for `Secondary` deliveries (Jira allows them up to ~15 minutes). */
  secondaryDelayMs: number;
  /**
   * Not a fault: multiplies the retry schedule. 1 (default) is Jira Cloud's real time, retries
   * spread over up to 30 minutes; tests compress it, e.g. 0.001 puts all retries within 1.8 s.
   */
  retryTimeScale: number;
  seed?: number;
};

export type WebhookRetryOptions = {
  /** Attempts in total, first one included. Cloud: 6 (five retries); Data Center: 1 (Jira DC does not retry). */
  maxAttempts?: number;
  /**
   * The first retry waits up to this long (half to all of it), each later one up to twice the
   * one before. Default 58 s, so Cloud's five retries end within 30 minutes (see retry-policy.ts).
   * The fault setting `retryTimeScale` multiplies it.
   */
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
 * How one attempt ended: `delivered` (2xx/3xx), `rejected` (4xx other than 408, 409, 425 and 429: not retried),
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
  flow: WebhookFlow;
  /** Null for sprint and issue-link events, which concern no single issue. */
  issueKey: string | null;
  status: number | null;
  error: string | null;
  outcome: DeliveryOutcome;
  startedAt: Date;
  finishedAt: Date;
};

export type WebhookDispatcher = {
  dispatch(event: AnyWebhookEvent, registrations: readonly WebhookRegistration[]): void;
  setFaults(faults: Partial<WebhookFaults>): void;
  deliveries(): readonly DeliveryRecord[];
  idle(): Promise<void>;
  close(): Promise<void>;
};
