import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimIssue } from "../model/types.ts";
import type { ReceivedWebhook } from "./test-receiver.ts";
import { ok, WebhookTestSite } from "./test-site.ts";

const flowOf = (delivery: ReceivedWebhook) => delivery.headers["x-atlassian-webhook-flow"];
const eventOf = (delivery: ReceivedWebhook) => String(delivery.json.webhookEvent);
const keyOf = (delivery: ReceivedWebhook) => (delivery.json.issue as { key: string }).key;

/**
 * `X-Atlassian-Webhook-Flow`: Primary for the change itself, Secondary for its cascading fallout.
 * Atlassian's example: deleting an issue sends jira:issue_deleted as Primary and a comment_deleted
 * for each of its comments as Secondary.
 */
describe("Cloud webhook flows", () => {
  let site: WebhookTestSite;
  beforeAll(async () => {
    site = await WebhookTestSite.start({ flavor: "cloud" });
  });
  afterAll(() => site.stop());

  const issueWith = (test: (issue: SimIssue) => boolean): SimIssue => {
    const found = [...site.sim.control.store.issues.values()].find(test);
    if (!found) throw new Error("the demo site has no such issue");
    return found;
  };

  it("a user's change goes on the Primary flow, once, with an identifier and no retry counter", async () => {
    const deliveries = await site.deliveriesOf(async () => ok(await site.rest.put("/rest/api/3/issue/TETH-2", { fields: { summary: "Renamed" } }), 204));
    expect(deliveries.map((delivery) => [eventOf(delivery), flowOf(delivery)])).toEqual([["jira:issue_updated", "Primary"]]);
    expect(deliveries[0]?.headers["x-atlassian-webhook-identifier"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(deliveries[0]?.headers).not.toHaveProperty("x-atlassian-webhook-retry");
  });

  it("deleting an issue: jira:issue_deleted on Primary, one comment_deleted per comment on Secondary, with no issue_updated twin", async () => {
    const store = site.sim.control.store;
    const issue = issueWith((candidate) => candidate.comments.length > 0 && store.childrenOf(candidate.id).length === 0);
    site.sim.control.addComment("cara", issue.key, "A second comment");
    const commentIds = issue.comments.map((comment) => comment.id);
    expect(commentIds.length).toBeGreaterThanOrEqual(2);
    const deliveries = await site.deliveriesOf(async () => ok(await site.rest.delete(`/rest/api/3/issue/${issue.key}`), 204));
    // Secondary deliveries start 50 ms after the Primary ones; arrival order is not asserted.
    const expected = [["jira:issue_deleted", "Primary"], ...commentIds.map(() => ["comment_deleted", "Secondary"])];
    expect(deliveries.map((delivery) => [eventOf(delivery), flowOf(delivery)]).sort()).toEqual(expected.sort());
    const fallout = deliveries.filter((delivery) => eventOf(delivery) === "comment_deleted");
    expect(fallout.map((delivery) => (delivery.json.comment as { id: string }).id).sort()).toEqual([...commentIds].sort());
    expect(fallout.every((delivery) => keyOf(delivery) === issue.key && !("user" in delivery.json))).toBe(true);
  });

  it("deleting an issue with sub-tasks: the sub-tasks' deletions are Secondary, the issue's own Primary", async () => {
    const store = site.sim.control.store;
    const parent = issueWith((candidate) => store.childrenOf(candidate.id).length > 0 && store.catalog.issueTypes.find((type) => type.id === candidate.issueTypeId)?.hierarchyLevel === 0);
    const subtaskKeys = store.childrenOf(parent.id).map((child) => child.key);
    const deliveries = await site.deliveriesOf(async () => ok(await site.rest.delete(`/rest/api/3/issue/${parent.key}?deleteSubtasks=true`), 204));
    const deletions = deliveries.filter((delivery) => eventOf(delivery) === "jira:issue_deleted").map((delivery) => [keyOf(delivery), flowOf(delivery)]);
    expect(deletions).toEqual(expect.arrayContaining([[parent.key, "Primary"], ...subtaskKeys.map((key) => [key, "Secondary"])]));
    expect(deletions).toHaveLength(subtaskKeys.length + 1);
    expect(deliveries.filter((delivery) => flowOf(delivery) === "Primary").map(eventOf)).toEqual(["jira:issue_deleted"]);
  });

  it("deleting an epic: its children lose their parent in Secondary jira:issue_updated deliveries", async () => {
    const store = site.sim.control.store;
    const epic = issueWith((candidate) => store.catalog.issueTypes.find((type) => type.id === candidate.issueTypeId)?.hierarchyLevel === 1);
    const childKeys = store.childrenOf(epic.id).map((child) => child.key);
    const deliveries = await site.deliveriesOf(async () => ok(await site.rest.delete(`/rest/api/3/issue/${epic.key}`), 204));
    const updates = deliveries.filter((delivery) => eventOf(delivery) === "jira:issue_updated");
    expect(updates.map(keyOf).sort()).toEqual([...childKeys].sort());
    expect(new Set(updates.map(flowOf))).toEqual(new Set(["Secondary"]));
    expect(deliveries.filter((delivery) => flowOf(delivery) === "Primary").map((delivery) => [eventOf(delivery), keyOf(delivery)])).toEqual([["jira:issue_deleted", epic.key]]);
  });
});
