import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhookDispatcher, type WebhookDispatcher, type WebhookDispatcherOptions } from "./index.ts";
import { TestReceiver } from "./test-receiver.ts";
import { issueUpdated, registration } from "./test-events.ts";

let receiver: TestReceiver;
let dispatcher: WebhookDispatcher | null = null;
beforeAll(async () => {
  receiver = await TestReceiver.start();
});
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.respond = () => 200;
});
afterEach(async () => {
  await dispatcher?.close();
  dispatcher = null;
});

function start(options: Partial<WebhookDispatcherOptions> = {}): WebhookDispatcher {
  dispatcher = createWebhookDispatcher({ flavor: "cloud", retry: { baseDelayMs: 5, timeoutMs: 2_000 }, ...options });
  return dispatcher;
}

const header = (index: number, name: string) => receiver.received[index]?.headers[name];

describe("webhook delivery", () => {
  it("sends Jira's headers and a signature verifiable over the raw body", async () => {
    const hooks = start();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(1);
    const [webhook] = receiver.received;
    if (!webhook) throw new Error("nothing received");
    expect(webhook.headers["content-type"]).toBe("application/json; charset=UTF-8");
    expect(webhook.headers["user-agent"]).toBe("Atlassian Webhook HTTP Client");
    expect(webhook.headers["x-atlassian-webhook-identifier"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(webhook.headers["x-atlassian-webhook-flow"]).toBe("Primary");
    expect(webhook.headers).not.toHaveProperty("x-atlassian-webhook-retry");
    const signature = String(webhook.headers["x-hub-signature"]);
    const [method, hex] = signature.split("=");
    expect(method).toBe("sha256");
    const expected = createHmac("sha256", "s3cret").update(webhook.rawBody).digest();
    expect(timingSafeEqual(Buffer.from(hex ?? "", "hex"), expected)).toBe(true);
    expect(createHmac("sha256", "wrong").update(webhook.rawBody).digest().equals(expected)).toBe(false);
    expect(webhook.json).toMatchObject({ webhookEvent: "jira:issue_updated", issue: { key: "ABC-1" } });
  });

  it("leaves the signature out when the registration has no secret", async () => {
    const hooks = start();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url, { secret: null })]);
    await hooks.idle();
    expect(receiver.received[0]?.headers).not.toHaveProperty("x-hub-signature");
  });

  it.each([408, 409, 425, 429, 500, 503, 504])("retries %i with the same identifier and a retry counter", async (status) => {
    receiver.respond = (index) => (index < 2 ? status : 200);
    const hooks = start();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(3);
    const identifiers = new Set(receiver.received.map((webhook) => webhook.headers["x-atlassian-webhook-identifier"]));
    expect(identifiers.size).toBe(1);
    expect([header(0, "x-atlassian-webhook-retry"), header(1, "x-atlassian-webhook-retry"), header(2, "x-atlassian-webhook-retry")]).toEqual([undefined, "1", "2"]);
    expect(receiver.received[2]?.rawBody.equals(receiver.received[0]?.rawBody ?? Buffer.alloc(0))).toBe(true);
    expect(hooks.deliveries().map((attempt) => [attempt.attempt, attempt.status, attempt.outcome])).toEqual([
      [1, status, "retrying"],
      [2, status, "retrying"],
      [3, 200, "delivered"],
    ]);
  });

  it.each([400, 401, 403, 404, 410, 413, 422])("does not retry %i", async (status) => {
    receiver.respond = () => status;
    const hooks = start();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect(hooks.deliveries()).toMatchObject([{ attempt: 1, status, outcome: "rejected", issueKey: "ABC-1", webhookEvent: "jira:issue_updated", registrationId: "wh-1" }]);
  });

  it("retries a receiver that times out", async () => {
    receiver.respond = (index) => (index === 0 ? "hang" : 200);
    const hooks = start({ retry: { baseDelayMs: 5, timeoutMs: 150 } });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(2);
    expect(hooks.deliveries().map((attempt) => attempt.outcome)).toEqual(["retrying", "delivered"]);
    expect(hooks.deliveries()[0]?.error).toBe("timed out after 150 ms");
  });

  it("gives up after the last attempt; Cloud defaults to five retries, Data Center to none", async () => {
    receiver.respond = () => 502;
    const cloud = start({ retry: { baseDelayMs: 1 } });
    cloud.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await cloud.idle();
    expect(receiver.received).toHaveLength(6);
    expect(cloud.deliveries().at(-1)).toMatchObject({ attempt: 6, outcome: "failed" });
    await cloud.close();

    receiver.received.length = 0;
    const dc = start({ flavor: "datacenter" });
    dc.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await dc.idle();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers["user-agent"]).toContain("JIRA");
    expect(dc.deliveries()).toMatchObject([{ attempt: 1, outcome: "failed", status: 502 }]);
  });

  it("spreads Cloud's retries over up to 30 minutes, compressed by retryTimeScale", async () => {
    receiver.respond = () => 503;
    // Real schedule: the five retries start within 29 min 58 s of the first attempt, at least half
    // of that. At 1/2000 that is 0.45 s to 0.9 s.
    const hooks = start({ retry: { timeoutMs: 2_000 }, faults: { retryTimeScale: 0.0005 } });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(6);
    const spread = (receiver.received[5]?.receivedAt ?? 0) - (receiver.received[0]?.receivedAt ?? 0);
    expect(spread).toBeGreaterThanOrEqual(440);
    expect(spread).toBeLessThan(5_000);
    expect(hooks.deliveries().at(-1)).toMatchObject({ attempt: 6, outcome: "failed", status: 503 });
  });

  it("sends a Secondary delivery after the Primary ones of the same change, and delays it by secondaryDelayMs", async () => {
    const hooks = start({ faults: { secondaryDelayMs: 150 } });
    const dispatchedAt = Date.now();
    hooks.dispatch({ ...issueUpdated("ABC-2"), flow: "Secondary" }, [registration(receiver.url)]);
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received.map((webhook) => [(webhook.json.issue as { key: string }).key, webhook.headers["x-atlassian-webhook-flow"]])).toEqual([
      ["ABC-1", "Primary"],
      ["ABC-2", "Secondary"],
    ]);
    expect((receiver.received[1]?.receivedAt ?? 0) - dispatchedAt).toBeGreaterThanOrEqual(145);
    expect(hooks.deliveries().map((attempt) => attempt.flow).sort()).toEqual(["Primary", "Secondary"]);
  });

  it("gives every delivery its own identifier", async () => {
    const hooks = start();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url), registration(receiver.url, { id: "wh-2" })]);
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(new Set(receiver.received.map((webhook) => webhook.headers["x-atlassian-webhook-identifier"])).size).toBe(3);
  });

  it("honours the registration's events and enabled flag", async () => {
    const hooks = start();
    const regs = [registration(receiver.url, { id: "created-only", events: ["jira:issue_created"] }), registration(receiver.url, { id: "off", enabled: false })];
    hooks.dispatch(issueUpdated("ABC-1"), regs);
    hooks.dispatch({ ...issueUpdated("ABC-2"), webhookEvent: "jira:issue_created", issueEventTypeName: "issue_created" }, regs);
    await hooks.idle();
    expect(receiver.received.map((webhook) => [webhook.json.webhookEvent, (webhook.json.issue as { key: string }).key])).toEqual([["jira:issue_created", "ABC-2"]]);
  });

  it("honours the JQL filter, and a filter that does not parse matches nothing", async () => {
    const logged: string[] = [];
    const hooks = start({ log: (msg) => logged.push(msg) });
    const regs = [registration(receiver.url, { id: "abc", jqlFilter: "project = ABC AND issuetype = Epic" }), registration(receiver.url, { id: "broken", jqlFilter: "project = = ABC" }), registration(receiver.url, { id: "unknown-field", jqlFilter: "colour = red" })];
    hooks.dispatch(issueUpdated("ABC-1"), regs);
    hooks.dispatch(issueUpdated("XYZ-1"), regs);
    hooks.dispatch(issueUpdated("ABC-2", { issueType: "Story" }), regs);
    await hooks.idle();
    expect(receiver.received.map((webhook) => (webhook.json.issue as { key: string }).key)).toEqual(["ABC-1"]);
    expect(hooks.deliveries().map((attempt) => attempt.registrationId)).toEqual(["abc"]);
    expect(logged.filter((msg) => msg === "webhook JQL filter does not parse; it matches nothing")).toHaveLength(1);
    expect(logged.filter((msg) => msg === "webhook JQL filter is not valid; it matches nothing")).toHaveLength(1);
  });
});

describe("webhook faults", () => {
  it("drop: never sends, but records the delivery as dropped", async () => {
    const hooks = start({ faults: { dropRate: 1 } });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(0);
    expect(hooks.deliveries()).toMatchObject([{ outcome: "dropped", status: null, issueKey: "ABC-1" }]);
  });

  it("duplicate: the same delivery, same identifier and body, arrives twice", async () => {
    const hooks = start({ faults: { duplicateRate: 1 } });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(first?.headers["x-atlassian-webhook-identifier"]).toBe(second?.headers["x-atlassian-webhook-identifier"]);
    expect(first?.rawBody.equals(second?.rawBody ?? Buffer.alloc(0))).toBe(true);
    expect(hooks.deliveries().map((attempt) => attempt.duplicate).sort()).toEqual([false, true]);
  });

  it("reorder: a held-back delivery is overtaken by the next one", async () => {
    const hooks = start({ reorderHoldMs: 5_000 });
    hooks.setFaults({ reorderRate: 1 });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    hooks.setFaults({ reorderRate: 0 });
    hooks.dispatch(issueUpdated("ABC-2"), [registration(receiver.url)]);
    const started = Date.now();
    await hooks.idle();
    expect(receiver.received.map((webhook) => (webhook.json.issue as { key: string }).key)).toEqual(["ABC-2", "ABC-1"]);
    // Released when overtaken, not after its 5 s hold (however slow the machine is otherwise).
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reorder: with nothing to overtake it, a held delivery still goes after its hold", async () => {
    const hooks = start({ reorderHoldMs: 100, faults: { reorderRate: 1 } });
    const dispatchedAt = Date.now();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    await hooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect((receiver.received[0]?.receivedAt ?? 0) - dispatchedAt).toBeGreaterThanOrEqual(95);
  });

  it("delay: adds latency before the first attempt", async () => {
    const hooks = start({ faults: { delayMs: 150, delayJitterMs: 50 } });
    const dispatchedAt = Date.now();
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    expect(receiver.received).toHaveLength(0);
    await hooks.idle();
    const latency = (receiver.received[0]?.receivedAt ?? 0) - dispatchedAt;
    expect(latency).toBeGreaterThanOrEqual(145);
    expect(latency).toBeLessThan(1_000);
  });

  it("replays the same fault pattern from the same seed", async () => {
    const pattern = async (seed: number) => {
      const hooks = createWebhookDispatcher({ flavor: "cloud", faults: { dropRate: 0.5, seed } });
      for (let index = 1; index <= 20; index += 1) hooks.dispatch(issueUpdated(`ABC-${index}`), [registration(receiver.url)]);
      await hooks.idle();
      await hooks.close();
      return hooks.deliveries().filter((attempt) => attempt.outcome === "dropped").map((attempt) => attempt.issueKey);
    };
    const first = await pattern(42);
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(17);
    expect(await pattern(42)).toEqual(first);
    expect(await pattern(7)).not.toEqual(first);
  });

  it("close cancels scheduled retries and resolves", async () => {
    receiver.respond = () => 500;
    const hooks = start({ retry: { baseDelayMs: 10_000 } });
    hooks.dispatch(issueUpdated("ABC-1"), [registration(receiver.url)]);
    while (hooks.deliveries().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await hooks.close();
    expect(receiver.received).toHaveLength(1);
    await hooks.idle();
  });
});
