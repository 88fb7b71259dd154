import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipWithoutShared } from "../testing/openapi-validator.ts";
import { deliveryDifferences, itemsByField } from "./capture-shapes.ts";
import { FIXTURE_DIR, loadFixture, WEBHOOK_CAPTURES } from "./test-events.ts";
import { ok, WebhookTestSite } from "./test-site.ts";

type Json = Record<string, unknown>;

/**
 * Data Center captures (2019): the sim's deliveries for the same changes, by keys and types.
 * Known differences, allowed below and nowhere else: that site had no `duedate` on its screens
 * and sent no `statuscategorychangedate` nor a `projectTypeKey` in the project; the sim keeps
 * them, as its REST answers do, so a receiver must not depend on either way.
 */
const siteDifferences = (path: string, key: string) =>
  (path === "issue.fields" && (key.startsWith("customfield_") || key === "duedate" || key === "statuscategorychangedate")) || (path === "issue.fields.project" && key === "projectTypeKey");
// The captured issue was unassigned, had no description and had been viewed.
const stateful = ["issue.fields.assignee", "issue.fields.description", "issue.fields.lastViewed"];

describe.skipIf(skipWithoutShared(FIXTURE_DIR, WEBHOOK_CAPTURES))("Data Center deliveries have the shape of real captures", () => {
  let site: WebhookTestSite;
  let key = "";
  beforeAll(async () => {
    site = await WebhookTestSite.start({ flavor: "datacenter" });
  });
  afterAll(() => site.stop());

  it("jira:issue_created: users by name and key with their email, comment and worklog pages, no changelog", async () => {
    const capture = loadFixture("dc-issue_created.json");
    const body = await site.bodyOf(async () => ok(await site.rest.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Verify the release", description: "Steps in the wiki", assignee: { name: "cara" } } }), 201), "jira:issue_created");
    key = String((body.issue as Json).key);
    expect(deliveryDifferences(body, capture, { nullable: stateful, openKeys: siteDifferences })).toEqual([]);
    // Data Center keeps e-mail addresses in deliveries, as its captures show.
    expect(body.user).toMatchObject({ name: "ada", emailAddress: "ada@tether.example" });
    expect((body.issue as { fields: Json }).fields).toMatchObject({ comment: { comments: [], total: 0 }, worklog: { worklogs: [], total: 0 } });
  });

  it("a transition: jira:issue_updated with a status item without fieldId", async () => {
    const capture = loadFixture("dc-issue_updated-status.json");
    const body = await site.bodyOf(async () => ok(await site.rest.post(`/rest/api/2/issue/${key}/transitions`, { transition: { id: "11" } }), 204), "jira:issue_updated");
    expect(deliveryDifferences(body, capture, { nullable: stateful, openKeys: siteDifferences })).toEqual([]);
    expect(itemsByField(body).get("status")).toEqual({ field: "status", fieldtype: "jira", from: "10000", fromString: "To Do", to: "3", toString: "In Progress" });
  });

  it("no X-Atlassian-Webhook-Flow: Data Center has a single lane", async () => {
    const deliveries = await site.deliveriesOf(async () => ok(await site.rest.put(`/rest/api/2/issue/${key}`, { fields: { summary: "Verify the release notes" } }), 204));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.headers).not.toHaveProperty("x-atlassian-webhook-flow");
    expect(deliveries[0]?.headers["x-atlassian-webhook-identifier"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
