import { readFileSync } from "node:fs";
import path from "node:path";
import type { JqlIssue } from "../jql/index.ts";
import { requireShared, sharedDirectory } from "../testing/openapi-validator.ts";
import type { SimWebhookEvent, WebhookRegistration } from "./types.ts";

type Json = Record<string, unknown>;

export const WEBHOOK_CAPTURES = "Captured Jira webhook bodies";
/** Looked up like the OpenAPI documents: TETHER_SHARED_DIR when set, else ../shared beside the repo. */
export const FIXTURE_DIR: string | null = sharedDirectory("jira-webhooks", "cloud-issue_created.json");

export function loadFixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(requireShared(FIXTURE_DIR, WEBHOOK_CAPTURES), name), "utf8")) as Json;
}

export function jqlView(key: string, overrides: Partial<JqlIssue> = {}): JqlIssue {
  return {
    id: "10001",
    key,
    projectKey: key.split("-")[0] as string,
    issueType: "Epic",
    parentKey: null,
    epicLinkKey: null,
    status: "To Do",
    statusCategory: "new",
    assignee: null,
    labels: [],
    summary: "Checkout redesign",
    created: new Date("2024-01-01T00:00:00Z"),
    updated: new Date("2024-01-01T00:00:00Z"),
    priority: "Medium",
    ...overrides,
  };
}

/** A small `jira:issue_updated` event for delivery tests. */
export function issueUpdated(key: string, overrides: Partial<JqlIssue> = {}): SimWebhookEvent {
  return {
    webhookEvent: "jira:issue_updated",
    issueEventTypeName: "issue_updated",
    user: { accountId: "acc-1", displayName: "User One" },
    issue: { id: "10001", self: "https://sim.example/rest/api/2/10001", key, fields: { summary: "Checkout redesign — ünïcode" } },
    changelog: { id: "20001", items: [{ field: "summary", fieldtype: "jira", fieldId: "summary", from: null, fromString: "Old", to: null, toString: "Checkout redesign" }] },
    jqlView: jqlView(key, overrides),
  };
}

/** Rebuilds the event the simulator would have emitted for a captured delivery. */
export function eventFromFixture(fixture: Json, extra: Partial<SimWebhookEvent> = {}): SimWebhookEvent {
  const issue = fixture.issue as Json;
  const event: SimWebhookEvent = { webhookEvent: fixture.webhookEvent as SimWebhookEvent["webhookEvent"], issue, jqlView: jqlView(String(issue.key)), ...extra };
  if (typeof fixture.issue_event_type_name === "string") event.issueEventTypeName = fixture.issue_event_type_name;
  if (fixture.user) event.user = fixture.user as Json;
  if (fixture.changelog) event.changelog = fixture.changelog as SimWebhookEvent["changelog"] & object;
  if (fixture.comment) event.comment = fixture.comment as Json;
  return event;
}

export function registration(url: string, overrides: Partial<WebhookRegistration> = {}): WebhookRegistration {
  return {
    id: "wh-1",
    name: "Tether",
    url,
    events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted"],
    jqlFilter: null,
    secret: "s3cret",
    enabled: true,
    ...overrides,
  };
}
