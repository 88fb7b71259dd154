import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhookDispatcher } from "./index.ts";
import { TestReceiver } from "./test-receiver.ts";
import { skipWithoutShared } from "../testing/openapi-validator.ts";
import { eventFromFixture, FIXTURE_DIR, loadFixture, registration, WEBHOOK_CAPTURES } from "./test-events.ts";

let receiver: TestReceiver;
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

/** Dispatches one captured event, with the clock pinned to its timestamp, and returns what arrived. */
async function deliver(flavor: "cloud" | "datacenter", fixture: Record<string, unknown>, extra = {}) {
  const dispatcher = createWebhookDispatcher({ flavor, now: () => fixture.timestamp as number });
  dispatcher.dispatch(eventFromFixture(fixture, extra), [registration(receiver.url)]);
  await dispatcher.idle();
  await dispatcher.close();
  return receiver.received.map((webhook) => webhook.json);
}

// When required (TETHER_REQUIRE_SHARED=1) but missing, loadFixture() fails each test below.
describe.skipIf(skipWithoutShared(FIXTURE_DIR, WEBHOOK_CAPTURES))("webhook envelopes match real captures", () => {
  const issueFixtures = [
    ["cloud", "cloud-issue_created.json"],
    ["cloud", "cloud-issue_updated-status.json"],
    ["cloud", "cloud-issue_updated-description.json"],
    ["cloud", "cloud-issue_updated-customfield.json"],
    ["cloud", "cloud-issue_deleted.json"],
    ["datacenter", "dc-issue_created.json"],
    ["datacenter", "dc-issue_updated-status.json"],
  ] as const;

  it.each(issueFixtures)("%s %s: same keys, types and values", async (flavor, name) => {
    const fixture = loadFixture(name);
    const [body, ...rest] = await deliver(flavor, fixture);
    expect(rest).toEqual([]);
    expect(Object.keys(body ?? {}).sort()).toEqual(Object.keys(fixture).sort());
    expect(body).toEqual(fixture);
  });

  it.each(["cloud-comment_created.json", "cloud-comment_deleted.json"])("cloud %s: comment plus cut-down issue, no user; and the issue_updated twin", async (name) => {
    const fixture = loadFixture(name);
    const fullIssue = { ...(fixture.issue as object), fields: { summary: "full issue" } };
    const bodies = await deliver("cloud", fixture, { issueSnapshot: fullIssue });
    const commentBody = bodies.find((body) => body.webhookEvent === fixture.webhookEvent);
    expect(commentBody).toEqual(fixture);
    expect(commentBody).not.toHaveProperty("user");
    expect(commentBody).not.toHaveProperty("issue_event_type_name");
    const twin = bodies.find((body) => body.webhookEvent === "jira:issue_updated");
    const comment = fixture.comment as Record<string, unknown>;
    expect(twin).toEqual({
      timestamp: fixture.timestamp,
      webhookEvent: "jira:issue_updated",
      issue_event_type_name: name.includes("created") ? "issue_commented" : "issue_comment_deleted",
      user: comment.updateAuthor,
      issue: fullIssue,
      comment,
    });
  });

  it("data center: a comment edit arrives as jira:issue_updated with a top-level comment; comment_updated carries no issue", async () => {
    const dcIssue = loadFixture("dc-issue_updated-status.json");
    const comment = { self: "https://jira.example.com/rest/api/2/issue/86228/comment/1", id: "1", author: dcIssue.user, updateAuthor: dcIssue.user, body: "edited", created: "2019-09-24T12:00:00.000+1200", updated: "2019-09-24T12:05:00.000+1200" };
    const bodies = await deliver("datacenter", { timestamp: 1569283453773, webhookEvent: "comment_updated", issue: { id: "86228", key: "VRF-803", self: "x", fields: {} }, comment }, { issueSnapshot: dcIssue.issue });
    expect(bodies).toHaveLength(2);
    expect(bodies.find((body) => body.webhookEvent === "comment_updated")).toEqual({ timestamp: 1569283453773, webhookEvent: "comment_updated", comment });
    expect(bodies.find((body) => body.webhookEvent === "jira:issue_updated")).toEqual({
      timestamp: 1569283453773,
      webhookEvent: "jira:issue_updated",
      issue_event_type_name: "issue_comment_edited",
      user: dcIssue.user,
      issue: dcIssue.issue,
      comment,
    });
  });
});
