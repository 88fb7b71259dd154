import { isSiteEvent, type AnyWebhookEvent, type SimWebhookEvent } from "./types.ts";

type Json = Record<string, unknown>;

/** One body to deliver, and the event name registrations subscribe to (issue key null for sprint and link events). */
export type WebhookEnvelope = { webhookEvent: string; issueKey: string | null; body: Json };

const COMMENT_EVENT_TYPES: Readonly<Record<string, string>> = {
  comment_created: "issue_commented",
  comment_updated: "issue_comment_edited",
  comment_deleted: "issue_comment_deleted",
};

function issueKeyOf(event: SimWebhookEvent): string {
  const key = event.issue.key;
  return typeof key === "string" ? key : event.jqlView.key;
}

function commentAuthor(comment: Json | undefined): Json | undefined {
  const author = comment?.updateAuthor ?? comment?.author;
  return typeof author === "object" && author !== null ? (author as Json) : undefined;
}

/**
 * The bodies Jira sends for one event, keys in Jira's order. A comment change yields two:
 * the `comment_*` event and the `jira:issue_updated` one Jira also fires for it
 * (`issue_commented`, `issue_comment_edited`, `issue_comment_deleted`, with `user`, the full
 * issue and a top-level `comment`) — the only comment shape Data Center integrations see
 * with the issue in it.
 */
export function buildWebhookEnvelopes(event: AnyWebhookEvent, flavor: "cloud" | "datacenter", timestamp: number): WebhookEnvelope[] {
  // Sprint and issue-link events: the same body on both flavours, no user, no issue.
  if (isSiteEvent(event)) return [{ webhookEvent: event.webhookEvent, issueKey: null, body: { timestamp, webhookEvent: event.webhookEvent, ...event.payload } }];
  const issueKey = issueKeyOf(event);
  const name = event.webhookEvent;
  if (name === "comment_created" || name === "comment_updated" || name === "comment_deleted") {
    // Cloud: comment plus a cut-down issue, no user. Data Center: the comment alone; the issue
    // is reachable only through `comment.self`.
    const commentBody: Json = { timestamp, webhookEvent: name, comment: event.comment ?? {} };
    if (flavor === "cloud") commentBody.issue = event.issue;
    const commentEnvelope: WebhookEnvelope = { webhookEvent: name, issueKey, body: commentBody };
    if (event.issueUpdatedTwin === false) return [commentEnvelope];
    const twin: Json = { timestamp, webhookEvent: "jira:issue_updated", issue_event_type_name: COMMENT_EVENT_TYPES[name] };
    const user = event.user ?? commentAuthor(event.comment);
    if (user) twin.user = user;
    twin.issue = event.issueSnapshot ?? event.issue;
    if (event.changelog) twin.changelog = event.changelog;
    twin.comment = event.comment ?? {};
    return [commentEnvelope, { webhookEvent: "jira:issue_updated", issueKey, body: twin }];
  }
  const body: Json = { timestamp, webhookEvent: name };
  if (name !== "jira:issue_deleted") body.issue_event_type_name = event.issueEventTypeName ?? (name === "jira:issue_created" ? "issue_created" : "issue_updated");
  if (event.user) body.user = event.user;
  body.issue = event.issue;
  if (event.changelog && name !== "jira:issue_deleted") body.changelog = event.changelog;
  if (event.comment && name === "jira:issue_updated") body.comment = event.comment;
  return [{ webhookEvent: name, issueKey, body }];
}
