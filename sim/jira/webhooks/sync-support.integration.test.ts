import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { developerPermissions } from "../model/permissions.ts";
import { authFor, basic } from "../testing/sim-client.ts";
import { shapeDifferences } from "./json-shape.ts";
import { ok, WebhookTestSite } from "./test-site.ts";

type Json = Record<string, unknown>;

const control = async (site: WebhookTestSite, method: string, route: string, body: unknown) => {
  const response = await fetch(`${site.sim.url}/_sim${route}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${route}: ${response.status} ${await response.text()}`);
};
const itemsOf = (body: Json) => (body.changelog as { items: Json[] }).items;

/** What a webhook-driven sync test needs from the simulator, on Cloud. */
describe("webhooks for sync tests", () => {
  let site: WebhookTestSite;
  beforeAll(async () => {
    site = await WebhookTestSite.start({ flavor: "cloud" });
  });
  afterAll(() => site.stop());

  it("an edit 'as a Jira user' through /_sim sends the same delivery as that user's REST edit", async () => {
    const cara = site.sim.control.user("cara");
    const viaRest = await site.bodyOf(async () => ok(await site.rest.as(authFor(site.sim, "cara")).put("/rest/api/2/issue/TETH-3", { fields: { summary: "Edited over REST", description: "Text from REST" } }), 204), "jira:issue_updated");
    const viaControl = await site.bodyOf(() => control(site, "PUT", "/issues/TETH-3", { as: "cara", fields: { summary: "Edited in Jira", description: "Text from Jira" } }), "jira:issue_updated");
    expect(shapeDifferences(viaControl, viaRest)).toEqual([]);
    expect(shapeDifferences(viaRest, viaControl)).toEqual([]);
    for (const body of [viaRest, viaControl]) {
      expect(body).toMatchObject({ webhookEvent: "jira:issue_updated", issue_event_type_name: "issue_updated", user: { accountId: cara.accountId, displayName: cara.displayName } });
      expect(itemsOf(body).map((item) => item.fieldId)).toEqual(["summary", "description"]);
    }
    expect(itemsOf(viaControl)[0]).toMatchObject({ fromString: "Edited over REST", toString: "Edited in Jira" });
  });

  it("the in-process handle's edits, transitions and comments deliver like their REST twins", async () => {
    const viaHandle = await site.deliveriesOf(() => {
      site.sim.control.transitionIssue("cara", "TETH-3", { toStatus: "In Progress" });
      site.sim.control.addComment("cara", "TETH-3", "Picked up");
    });
    const cara = site.rest.as(authFor(site.sim, "cara"));
    const viaRest = await site.deliveriesOf(async () => {
      ok(await cara.post("/rest/api/2/issue/TETH-3/transitions", { transition: { id: "51" } }), 204);
      ok(await cara.post("/rest/api/2/issue/TETH-3/comment", { body: "Put back" }), 201);
    });
    // Concurrent POSTs may arrive in any order: compare them sorted by event.
    const sorted = (deliveries: typeof viaRest) => [...deliveries].sort((left, right) => eventName(left).localeCompare(eventName(right)));
    const eventName = (delivery: (typeof viaRest)[number]) => `${String(delivery.json.webhookEvent)}/${String(delivery.json.issue_event_type_name ?? "")}/${String(delivery.headers["x-atlassian-webhook-flow"])}`;
    const [handle, rest] = [sorted(viaHandle), sorted(viaRest)];
    expect(handle.map(eventName)).toEqual(rest.map(eventName));
    expect(handle.map(eventName)).toEqual(["comment_created//Primary", "jira:issue_updated/issue_commented/Primary", "jira:issue_updated/issue_generic/Primary"]);
    handle.forEach((delivery, index) => expect(shapeDifferences(delivery.json, rest[index]?.json)).toEqual([]));
  });

  it("a write by Tether's own account over REST is delivered too, with that account as `user`, so echoes can be recognised", async () => {
    // A dedicated integration account, hiding its e-mail like many real Cloud profiles.
    const account = site.sim.control.addUser({ name: "tether-sync", displayName: "Tether Sync", emailVisible: false }, { TETH: developerPermissions });
    const tether = site.rest.as(basic(account.email, account.apiToken));
    const body = await site.bodyOf(async () => ok(await tether.put("/rest/api/3/issue/TETH-4", { fields: { summary: "Pushed by Tether" } }), 204), "jira:issue_updated");
    expect(body.user).toMatchObject({ accountId: account.accountId, displayName: "Tether Sync", accountType: "atlassian" });
    expect(itemsOf(body)).toEqual([expect.objectContaining({ fieldId: "summary", toString: "Pushed by Tether" })]);
  });

  it("retries a failing receiver on Cloud's schedule, compressed through /_sim/faults", async () => {
    await control(site, "PUT", "/faults", { webhooks: { retryTimeScale: 0.0005 } });
    site.receiver.respond = (index) => (index < 2 ? 503 : 200);
    try {
      const deliveries = await site.deliveriesOf(async () => ok(await site.rest.put("/rest/api/3/issue/TETH-5", { fields: { summary: "Retried" } }), 204));
      expect(deliveries.map((delivery) => delivery.headers["x-atlassian-webhook-retry"] ?? null)).toEqual([null, "1", "2"]);
      expect(new Set(deliveries.map((delivery) => delivery.headers["x-atlassian-webhook-identifier"])).size).toBe(1);
    } finally {
      site.receiver.respond = () => 200;
      await control(site, "PUT", "/faults", { webhooks: { retryTimeScale: 1 } });
    }
  });

  it("never carries an e-mail address on Cloud, though REST shows a visible one", async () => {
    const ada = site.sim.control.user("ada");
    expect(ok(await site.rest.get(`/rest/api/3/user?accountId=${encodeURIComponent(ada.accountId)}`))).toMatchObject({ emailAddress: ada.email });
    const deliveries = await site.deliveriesOf(async () => {
      const created = ok(await site.rest.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Privacy", assignee: { accountId: ada.accountId } } }), 201);
      ok(await site.rest.post(`/rest/api/2/issue/${String(created.key)}/comment`, { body: "Hello" }), 201);
    });
    expect(deliveries.map((delivery) => delivery.json.webhookEvent).sort()).toEqual(["comment_created", "jira:issue_created", "jira:issue_updated"]);
    for (const delivery of deliveries) {
      const raw = delivery.rawBody.toString("utf8");
      expect(raw).toContain(ada.accountId);
      expect(raw).not.toContain("emailAddress");
      expect(raw).not.toContain(ada.email);
    }
  });
});
