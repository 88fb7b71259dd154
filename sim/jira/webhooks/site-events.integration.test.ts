import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "../index.ts";
import { authFor, json, SimClient } from "../testing/sim-client.ts";
import { signWebhookBody } from "./signature.ts";
import { TestReceiver, type ReceivedWebhook } from "./test-receiver.ts";

type Json = Record<string, unknown>;
const siteEvents = ["sprint_created", "sprint_updated", "sprint_started", "sprint_closed", "sprint_deleted", "issuelink_created", "issuelink_deleted"];
const start = "2026-03-02T09:00:00.000Z";
const end = "2026-03-16T17:00:00.000Z";

/**
 * Sprint and issue-link webhooks: no issue in the body, so Jira sends them to every registration
 * subscribed to the event, whatever its JQL. A JQL that matches no issue silences the issue events only.
 */
describe.each(["cloud", "datacenter"] as const)("sprint and issue-link webhooks on the %s simulator", (flavor) => {
  let sim: JiraSim;
  let receiver: TestReceiver;
  let ada: SimClient;
  let boardId = 0;
  const api = flavor === "cloud" ? "/rest/api/3" : "/rest/api/2";

  beforeAll(async () => {
    sim = await startJiraSim({ flavor });
    receiver = await TestReceiver.start();
    ada = new SimClient(sim, authFor(sim, "ada"));
    const registered = await ada.post("/rest/webhooks/1.0/webhook", {
      name: "Tether",
      url: receiver.url,
      events: [...siteEvents, "jira:issue_updated"],
      filters: { "issue-related-events-section": "labels = never-used-label" },
      secret: "s3cret",
    });
    expect(registered.status, registered.text).toBe(201);
    boardId = json<{ values: Array<{ id: number }> }>(await ada.get("/rest/agile/1.0/board?projectKeyOrId=TETH")).values[0]!.id;
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  const deliveriesOf = async (change: () => Promise<unknown>): Promise<ReceivedWebhook[]> => {
    await sim.control.webhooksIdle();
    receiver.received.length = 0;
    await change();
    await sim.control.webhooksIdle();
    return receiver.received.splice(0);
  };
  const events = (deliveries: ReceivedWebhook[]) => deliveries.map((delivery) => String(delivery.json.webhookEvent));
  const sprintOf = (delivery: ReceivedWebhook | undefined) => delivery?.json.sprint as Json;

  it("sends the sprint's life: created, updated with the old values, started, closed, deleted — signed, with Jira's headers", async () => {
    let sprintId = 0;
    const created = await deliveriesOf(async () => {
      sprintId = json<{ id: number }>(await ada.post("/rest/agile/1.0/sprint", { name: "Hooked", originBoardId: boardId })).id;
    });
    expect(events(created)).toEqual(["sprint_created"]);
    const delivery = created[0]!;
    expect(Object.keys(delivery.json)).toEqual(["timestamp", "webhookEvent", "sprint"]);
    expect(sprintOf(delivery)).toMatchObject({ id: sprintId, name: "Hooked", state: "future", originBoardId: boardId });
    expect(delivery.headers["x-hub-signature"]).toBe(signWebhookBody("s3cret", new Uint8Array(delivery.rawBody)));
    expect(delivery.headers["x-atlassian-webhook-identifier"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery.headers["x-atlassian-webhook-flow"]).toBe(flavor === "cloud" ? "Primary" : undefined);

    const renamed = await deliveriesOf(() => ada.post(`/rest/agile/1.0/sprint/${sprintId}`, { name: "Hooked again", startDate: start, endDate: end }));
    expect(events(renamed)).toEqual(["sprint_updated"]);
    expect(sprintOf(renamed[0])).toMatchObject({ id: sprintId, name: "Hooked again", startDate: start, endDate: end });
    expect(renamed[0]!.json.oldValue).toMatchObject({ id: sprintId, name: "Hooked", state: "future" });
    expect(renamed[0]!.json.oldValue).not.toHaveProperty("startDate");

    const started = await deliveriesOf(() => ada.post(`/rest/agile/1.0/sprint/${sprintId}`, { state: "active" }));
    expect(events(started)).toEqual(["sprint_updated", "sprint_started"]);
    expect(sprintOf(started[1])).toMatchObject({ state: "active" });
    expect(started[0]!.json.oldValue).toMatchObject({ state: "future" });

    const closed = await deliveriesOf(() => ada.post(`/rest/agile/1.0/sprint/${sprintId}`, { state: "closed" }));
    expect(events(closed)).toEqual(["sprint_updated", "sprint_closed"]);
    expect(sprintOf(closed[1])?.completeDate).toBeTruthy();

    const unchanged = await deliveriesOf(() => ada.post("/rest/agile/1.0/sprint", { name: "Twin", originBoardId: boardId }).then((answer) => ada.post(`/rest/agile/1.0/sprint/${json<{ id: number }>(answer).id}`, { name: "Twin" })));
    expect(events(unchanged)).toEqual(["sprint_created"]);

    const deleted = await deliveriesOf(() => ada.delete(`/rest/agile/1.0/sprint/${sprintId}`));
    expect(events(deleted)).toEqual(["sprint_deleted"]);
    expect(sprintOf(deleted[0])).toMatchObject({ id: sprintId, state: "closed" });
    // The control API lists them too (whether or not a registration matched).
    const listed = (await (await fetch(`${sim.url}/_sim/webhooks/site-events`)).json()) as Array<{ webhookEvent: string; payload: { sprint?: { id: number } } }>;
    expect(listed.filter((event) => event.payload.sprint?.id === sprintId).map((event) => event.webhookEvent)).toEqual(["sprint_created", "sprint_updated", "sprint_updated", "sprint_started", "sprint_updated", "sprint_closed", "sprint_deleted"]);
  });

  it("sends issuelink_created and issuelink_deleted with both issue ids; both issues get a Link changelog either way", async () => {
    const blocker = sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "Blocker" });
    const blocked = sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Story" }, summary: "Blocked" });
    const linked = await deliveriesOf(() => ada.post(`${api}/issueLink`, { type: { name: "Blocks" }, inwardIssue: { key: blocked.key }, outwardIssue: { key: blocker.key } }));
    // The JQL matches no issue: only the link event arrives.
    expect(events(linked)).toEqual(["issuelink_created"]);
    const issueLink = linked[0]!.json.issueLink as Json;
    expect(Object.keys(linked[0]!.json)).toEqual(["timestamp", "webhookEvent", "issueLink"]);
    expect(issueLink).toMatchObject({ sourceIssueId: Number(blocker.id), destinationIssueId: Number(blocked.id), systemLink: false, issueLinkType: { name: "Blocks", outwardName: "blocks", inwardName: "is blocked by" } });
    expect(typeof issueLink.id).toBe("number");

    const unlinked = await deliveriesOf(() => ada.delete(`${api}/issueLink/${String(issueLink.id)}`));
    expect(events(unlinked)).toEqual(["issuelink_deleted"]);
    expect(unlinked[0]!.json.issueLink).toMatchObject({ id: issueLink.id, sourceIssueId: Number(blocker.id), destinationIssueId: Number(blocked.id) });

    const linkItems = (key: string) => sim.control.issue(key).changelog.flatMap((group) => group.items).filter((item) => item.field === "Link");
    expect(linkItems(blocker.key).map((item) => [item.fromString, item.toString])).toEqual([
      [null, `This issue blocks ${blocked.key}`],
      [`This issue blocks ${blocked.key}`, null],
    ]);
    expect(linkItems(blocked.key).map((item) => [item.from, item.to])).toEqual([
      [null, blocker.key],
      [blocker.key, null],
    ]);
  });

  it("a registration that did not subscribe to sprint events gets none", async () => {
    const other = await TestReceiver.start();
    try {
      expect((await ada.post("/rest/webhooks/1.0/webhook", { name: "Issues only", url: other.url, events: ["jira:issue_updated"] })).status).toBe(201);
      await deliveriesOf(() => ada.post("/rest/agile/1.0/sprint", { name: "Quiet", originBoardId: boardId }));
      expect(other.received).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
