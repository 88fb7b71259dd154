import { randomUUID } from "node:crypto";
import { buildWebhookEnvelopes } from "./envelope.ts";
import { WebhookFilters } from "./jql-filter.ts";
import { postWebhook } from "./post.ts";
import { seededRandom } from "../prng.ts";
import { CLOUD_BASE_DELAY_MS, CLOUD_MAX_ATTEMPTS, isRetryable, retryDelayMs } from "./retry-policy.ts";
import { signWebhookBody } from "./signature.ts";
import { isSiteEvent, type AnyWebhookEvent, type DeliveryOutcome, type DeliveryRecord, type WebhookDispatcher, type WebhookDispatcherOptions, type WebhookFaults, type WebhookFlow, type WebhookRegistration } from "./types.ts";

/** One body for one registration; a duplicate fault makes a second copy with the same identifier. */
type Delivery = {
  registration: WebhookRegistration;
  identifier: string;
  body: Uint8Array<ArrayBuffer>;
  /** Dispatch order: a held-back delivery is released only by one dispatched after it. */
  sequence: number;
  signature: string | null;
  webhookEvent: string;
  flow: WebhookFlow;
  issueKey: string | null;
  duplicate: boolean;
};

const DEFAULT_FAULTS: WebhookFaults = { dropRate: 0, duplicateRate: 0, reorderRate: 0, delayMs: 0, delayJitterMs: 0, secondaryDelayMs: 0, retryTimeScale: 1 };
/** Secondary deliveries start after the Primary ones of the same change, never before. */
const SECONDARY_MIN_LAG_MS = 5;
const USER_AGENT = { cloud: "Atlassian Webhook HTTP Client", datacenter: "Atlassian HttpClient 4.0.0 / JIRA-9.12.0 (9120000) / Default" } as const;

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const flavor = options.flavor;
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  // Jira Cloud retries up to five times; Data Center does not retry failed deliveries.
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? (flavor === "cloud" ? CLOUD_MAX_ATTEMPTS : 1));
  const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? CLOUD_BASE_DELAY_MS);
  const timeoutMs = Math.max(1, options.retry?.timeoutMs ?? 10_000);
  const reorderHoldMs = options.reorderHoldMs ?? 1_000;
  const keepDeliveries = options.keepDeliveries ?? 10_000;
  const filters = new WebhookFilters(flavor, log, options.customFieldNames);

  let faults: WebhookFaults = { ...DEFAULT_FAULTS, ...options.faults };
  // Separate streams: fault draws happen in dispatch order (deterministic); retry jitter happens
  // whenever receivers answer, and must not shift the fault pattern.
  let faultRandom = seededRandom(faults.seed ?? 1);
  const jitterRandom = seededRandom((faults.seed ?? 1) ^ 0x5bd1e995);

  const records: DeliveryRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let held: { delivery: Delivery; timer: NodeJS.Timeout }[] = [];
  let inFlight = 0;
  let sequence = 0;
  let closed = false;
  const cancel = new AbortController();
  let idleWaiters: (() => void)[] = [];

  const record = (delivery: Delivery, attempt: number, outcome: DeliveryOutcome, startedAt: Date, status: number | null, error: string | null) => {
    records.push({
      registrationId: delivery.registration.id,
      url: delivery.registration.url,
      identifier: delivery.identifier,
      attempt,
      duplicate: delivery.duplicate,
      webhookEvent: delivery.webhookEvent,
      flow: delivery.flow,
      issueKey: delivery.issueKey,
      status,
      error,
      outcome,
      startedAt,
      finishedAt: new Date(),
    });
    if (records.length > keepDeliveries) records.splice(0, records.length - keepDeliveries);
  };

  const settleIfIdle = () => {
    if (inFlight > 0 || timers.size > 0 || held.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
      settleIfIdle();
    }, ms);
    timers.add(timer);
  };

  /** A held-back delivery goes once a later one has been sent, or when its hold runs out. */
  const releaseHeldBefore = (sequence: number) => {
    const released = held.filter((entry) => entry.delivery.sequence < sequence);
    if (released.length === 0) return;
    held = held.filter((entry) => entry.delivery.sequence >= sequence);
    for (const entry of released) {
      clearTimeout(entry.timer);
      later(0, () => void attempt(entry.delivery, 1));
    }
  };

  const hold = (delivery: Delivery) => {
    const timer = setTimeout(() => {
      held = held.filter((entry) => entry.timer !== timer);
      later(0, () => void attempt(delivery, 1));
    }, reorderHoldMs);
    held.push({ delivery, timer });
  };

  const headersFor = (delivery: Delivery, attemptNumber: number): Record<string, string> => {
    const headers: Record<string, string> = {
      "Content-Type": "application/json; charset=UTF-8",
      "User-Agent": USER_AGENT[flavor],
      "X-Atlassian-Webhook-Identifier": delivery.identifier,
    };
    // Cloud only: Data Center has one lane and no such header.
    if (flavor === "cloud") headers["X-Atlassian-Webhook-Flow"] = delivery.flow;
    if (attemptNumber > 1) headers["X-Atlassian-Webhook-Retry"] = String(attemptNumber - 1);
    if (delivery.signature) headers["X-Hub-Signature"] = delivery.signature;
    return headers;
  };

  async function attempt(delivery: Delivery, attemptNumber: number): Promise<void> {
    if (closed) return;
    inFlight += 1;
    const startedAt = new Date();
    try {
      const result = await postWebhook(delivery.registration.url, headersFor(delivery, attemptNumber), delivery.body, timeoutMs, cancel.signal);
      const status = result.kind === "response" ? result.status : null;
      const error = result.kind === "error" ? result.error : null;
      if (closed && result.kind === "error") {
        record(delivery, attemptNumber, "cancelled", startedAt, status, error);
      } else if (!isRetryable(result)) {
        record(delivery, attemptNumber, status !== null && status < 400 ? "delivered" : "rejected", startedAt, status, error);
      } else if (attemptNumber < maxAttempts && !closed) {
        record(delivery, attemptNumber, "retrying", startedAt, status, error);
        const backoff = retryDelayMs(attemptNumber, { baseDelayMs, timeScale: faults.retryTimeScale }, jitterRandom());
        log("webhook delivery failed; retrying", { identifier: delivery.identifier, url: delivery.registration.url, attempt: attemptNumber, status, error, backoffMs: Math.round(backoff) });
        later(backoff, () => void attempt(delivery, attemptNumber + 1));
      } else {
        record(delivery, attemptNumber, "failed", startedAt, status, error);
        log("webhook delivery failed; giving up", { identifier: delivery.identifier, url: delivery.registration.url, attempt: attemptNumber, status, error });
      }
    } finally {
      inFlight -= 1;
      if (attemptNumber === 1 && !delivery.duplicate) releaseHeldBefore(delivery.sequence);
      settleIfIdle();
    }
  }

  const enqueue = (delivery: Delivery) => {
    // Always four draws per delivery, so one seed gives one fault pattern whatever the rates.
    const [dropDraw, duplicateDraw, reorderDraw, jitterDraw] = [faultRandom(), faultRandom(), faultRandom(), faultRandom()];
    if (dropDraw < faults.dropRate) {
      const at = new Date();
      record(delivery, 1, "dropped", at, null, "dropped by fault injection");
      log("webhook delivery dropped by fault injection", { identifier: delivery.identifier, url: delivery.registration.url });
      return;
    }
    const lag = delivery.flow === "Secondary" ? SECONDARY_MIN_LAG_MS + faults.secondaryDelayMs : 0;
    const delay = Math.max(0, faults.delayMs + jitterDraw * faults.delayJitterMs) + lag;
    const copies = duplicateDraw < faults.duplicateRate ? [delivery, { ...delivery, duplicate: true }] : [delivery];
    const reorder = reorderDraw < faults.reorderRate;
    for (const copy of copies) {
      if (reorder && !copy.duplicate) later(delay, () => hold(copy));
      else later(delay, () => void attempt(copy, 1));
    }
  };

  return {
    dispatch(event: AnyWebhookEvent, registrations: readonly WebhookRegistration[]): void {
      if (closed) return;
      const envelopes = buildWebhookEnvelopes(event, flavor, now());
      for (const envelope of envelopes) {
        const subscribed = registrations.filter((registration) => registration.enabled && registration.events.includes(envelope.webhookEvent));
        if (subscribed.length === 0) continue;
        const text = JSON.stringify(envelope.body);
        const body = new TextEncoder().encode(text);
        for (const registration of subscribed) {
          // Jira applies the JQL filter to issue-related events only.
          if (!isSiteEvent(event) && !filters.matches(registration.jqlFilter, event.jqlView)) continue;
          enqueue({
            registration,
            identifier: randomUUID(),
            sequence: ++sequence,
            body,
            signature: registration.secret ? signWebhookBody(registration.secret, body) : null,
            webhookEvent: envelope.webhookEvent,
            flow: event.flow ?? "Primary",
            issueKey: envelope.issueKey,
            duplicate: false,
          });
        }
      }
    },

    setFaults(next: Partial<WebhookFaults>): void {
      faults = { ...faults, ...next };
      if (next.seed !== undefined) faultRandom = seededRandom(next.seed);
    },

    deliveries: () => records,

    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      });
    },

    async close(): Promise<void> {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const entry of held) clearTimeout(entry.timer);
      held = [];
      cancel.abort();
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      });
    },
  };
}
