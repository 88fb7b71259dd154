import { startJiraSim, type JiraSim, type JiraSimOptions } from "../index.ts";
import { authFor, SimClient } from "../testing/sim-client.ts";
import { TestReceiver, type ReceivedWebhook } from "./test-receiver.ts";

type Json = Record<string, unknown>;

export const ALL_EVENTS = ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted"];

/**
 * A running simulator with one admin webhook (every event, signed) pointing at a loopback
 * receiver, for tests that make a change and look at what Jira would have POSTed.
 */
export class WebhookTestSite {
  private constructor(
    readonly sim: JiraSim,
    readonly receiver: TestReceiver,
    /** The account Tether connects with in the demo (ada, a site admin). */
    readonly rest: SimClient,
  ) {}

  static async start(options: JiraSimOptions): Promise<WebhookTestSite> {
    const sim = await startJiraSim(options);
    const receiver = await TestReceiver.start();
    const rest = new SimClient(sim, authFor(sim, "ada"));
    const registered = await rest.post("/rest/webhooks/1.0/webhook", { name: "Tether", url: receiver.url, events: ALL_EVENTS, secret: "s3cret" });
    if (registered.status !== 201) throw new Error(`webhook registration failed: ${registered.status} ${registered.text}`);
    return new WebhookTestSite(sim, receiver, rest);
  }

  /** Runs the change and returns every delivery it caused, in arrival order. */
  async deliveriesOf(change: () => Promise<unknown> | unknown): Promise<ReceivedWebhook[]> {
    await this.sim.control.webhooksIdle();
    this.receiver.received.length = 0;
    await change();
    await this.sim.control.webhooksIdle();
    return this.receiver.received.splice(0);
  }

  /** The one delivery of `webhookEvent` (and, for jira:issue_updated, `issue_event_type_name`) the change caused. */
  async bodyOf(change: () => Promise<unknown> | unknown, webhookEvent: string, eventTypeName?: string): Promise<Json> {
    const deliveries = await this.deliveriesOf(change);
    const matching = deliveries.filter((delivery) => delivery.json.webhookEvent === webhookEvent && (eventTypeName === undefined || delivery.json.issue_event_type_name === eventTypeName));
    if (matching.length !== 1) throw new Error(`expected one ${webhookEvent} delivery, got ${matching.length} of ${deliveries.map((delivery) => String(delivery.json.webhookEvent)).join(", ")}`);
    return (matching[0] as ReceivedWebhook).json;
  }

  async stop(): Promise<void> {
    await this.sim.stop();
    await this.receiver.stop();
  }
}

/** Checks a REST answer and returns its JSON body. */
export function ok(response: { status: number; text: string; body: unknown }, status = 200): Json {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
  return (response.body ?? {}) as Json;
}
