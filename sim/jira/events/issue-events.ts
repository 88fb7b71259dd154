import type { SimStore } from "../model/store.ts";
import type { ChangeItem, SimComment, SimIssue, SimUser } from "../model/types.ts";
import type { SimWebhookEvent, WebhookDispatcher, WebhookFlow } from "../webhooks/types.ts";
import type { RenderContext } from "../render/context.ts";
import { selectFields, type FieldSelection } from "../render/field-selection.ts";
import { renderComment, renderIssue } from "../render/issue.ts";
import { renderUser } from "../render/users.ts";
import { unmodelledCustomFields, unmodelledStandardFields } from "../render/webhook-fields.ts";
import { buildView, type JqlIssueView } from "../search/jql-view.ts";

type Json = Record<string, unknown>;

export type SimWebhookEventPayload = SimWebhookEvent;

/** The part of the webhook module's dispatcher that events need. */
export type WebhookDispatcherPort = Pick<WebhookDispatcher, "dispatch">;

/**
 * Turns issue and comment changes into webhook events, rendered at the moment of the change
 * in the REST v2 shape real deliveries carry (even on Cloud).
 */
export class IssueEvents {
  private readonly webhookFields: FieldSelection;
  private readonly commentIssueFields: FieldSelection;
  readonly emitted: SimWebhookEventPayload[] = [];
  private flow: WebhookFlow = "Primary";

  constructor(
    private readonly store: SimStore,
    private readonly site: { readonly baseUrl: string },
    private readonly dispatcher: WebhookDispatcherPort | null,
    private readonly keepHistory = 1000,
  ) {
    this.webhookFields = selectFields(["*navigable", "-comment"], "*navigable", store.catalog.fields);
    this.commentIssueFields = selectFields(["summary,issuetype,project,assignee,priority,status"], "id", store.catalog.fields);
  }

  issueCreated(issue: SimIssue, actor: SimUser, changeGroupId: string): void {
    const event: SimWebhookEventPayload = {
      webhookEvent: "jira:issue_created",
      issueEventTypeName: "issue_created",
      user: renderUser(this.v2, actor),
      issue: this.issueJson(issue),
      jqlView: buildView(this.store, issue),
    };
    // Cloud lists every initial value as a changelog; Data Center sends none on create.
    if (this.store.flavor === "cloud") event.changelog = { id: changeGroupId, items: this.creationItems(issue).map((item) => this.itemJson(item)) };
    this.emit(event);
  }

  issueUpdated(issue: SimIssue, actor: SimUser, changeGroupId: string, items: readonly ChangeItem[], eventTypeName: string, comment?: SimComment): void {
    this.emit({
      webhookEvent: "jira:issue_updated",
      issueEventTypeName: eventTypeName,
      user: renderUser(this.v2, actor),
      issue: this.issueJson(issue),
      changelog: { id: changeGroupId, items: items.map((item) => this.itemJson(item)) },
      ...(comment ? { comment: renderComment(this.v2, issue, comment) } : {}),
      jqlView: buildView(this.store, issue),
    });
  }

  /**
   * Call before removing the issue. On Cloud each of its comments then goes as a comment_deleted
   * on the Secondary flow (no jira:issue_updated twin: the issue is gone).
   */
  issueDeleted(issue: SimIssue, actor: SimUser, view: JqlIssueView): void {
    this.emit({ webhookEvent: "jira:issue_deleted", user: renderUser(this.v2, actor), issue: this.issueJson(issue), jqlView: view });
    if (this.store.flavor !== "cloud") return;
    this.fallout(() => {
      for (const comment of issue.comments) this.emit({ ...this.commentEvent("comment_deleted", issue, comment, view), issueUpdatedTwin: false });
    });
  }

  comment(kind: "comment_created" | "comment_updated" | "comment_deleted", issue: SimIssue, comment: SimComment): void {
    this.emit(this.commentEvent(kind, issue, comment, buildView(this.store, issue)));
  }

  /**
   * Runs a change whose events are the fallout of another one (the sub-tasks deleted with their
   * parent, the children unlinked from a deleted epic): Jira sends them on the Secondary flow.
   */
  fallout<T>(change: () => T): T {
    const previous = this.flow;
    this.flow = "Secondary";
    try {
      return change();
    } finally {
      this.flow = previous;
    }
  }

  /** Snapshot the issue as the webhook body will carry it; call before deleting. */
  issueJson(issue: SimIssue): Json {
    const json = renderIssue(this.v2, issue, { fields: this.webhookFields, expand: new Set(), selfStyle: "webhook" });
    delete json.expand;
    json.fields = { ...unmodelledStandardFields(this.v2, issue), ...unmodelledCustomFields(this.v2), ...(json.fields as Json) };
    return json;
  }

  private commentEvent(kind: "comment_created" | "comment_updated" | "comment_deleted", issue: SimIssue, comment: SimComment, view: JqlIssueView): SimWebhookEventPayload {
    const cutDown = renderIssue(this.v2, issue, { fields: this.commentIssueFields, expand: new Set(), selfStyle: "webhook" });
    delete cutDown.expand;
    return {
      webhookEvent: kind,
      issue: cutDown,
      comment: renderComment(this.v2, issue, comment),
      jqlView: view,
      // Jira also sends a jira:issue_updated for a comment; the dispatcher builds it from this.
      issueSnapshot: this.issueJson(issue),
    };
  }

  /** The base URL is known only once the server listens, so the context is built per event. */
  private get v2(): RenderContext {
    return { store: this.store, baseUrl: this.site.baseUrl, version: 2, audience: "webhook" };
  }

  private emit(payload: SimWebhookEventPayload): void {
    const event: SimWebhookEventPayload = { ...payload, flow: this.flow };
    this.emitted.push(event);
    if (this.emitted.length > this.keepHistory) this.emitted.splice(0, this.emitted.length - this.keepHistory);
    if (!this.dispatcher) return;
    const registrations = [...this.store.webhooks.values()].filter((registration) => registration.enabled);
    if (registrations.length > 0) this.dispatcher.dispatch(event, registrations);
  }

  private itemJson(item: ChangeItem): Json {
    const cloud = this.store.flavor === "cloud";
    const json: Json = { field: item.field, fieldtype: item.fieldtype };
    if (cloud) json.fieldId = item.fieldId;
    Object.assign(json, { from: item.from, fromString: item.fromString, to: item.to, toString: item.toString });
    if (cloud && (item.fieldId === "assignee" || item.fieldId === "reporter")) {
      json.tmpFromAccountId = item.from;
      json.tmpToAccountId = item.to;
    }
    return json;
  }

  private creationItems(issue: SimIssue): ChangeItem[] {
    const catalog = this.store.catalog;
    const userId = (key: string | null) => (key === null ? null : (this.store.userByKey(key)?.accountId ?? null));
    const userName = (key: string | null) => (key === null ? null : (this.store.userByKey(key)?.displayName ?? null));
    const items: ChangeItem[] = [];
    if (issue.assigneeKey !== null) items.push({ field: "assignee", fieldtype: "jira", fieldId: "assignee", from: null, fromString: null, to: userId(issue.assigneeKey), toString: userName(issue.assigneeKey) });
    if (issue.description !== null) {
      const text = renderIssue(this.v2, issue, { fields: { ids: ["description"] }, expand: new Set() }).fields as Json;
      items.push({ field: "description", fieldtype: "jira", fieldId: "description", from: null, fromString: null, to: null, toString: String(text.description) });
    }
    const priority = catalog.priorities.find((candidate) => candidate.id === issue.priorityId);
    if (priority) items.push({ field: "priority", fieldtype: "jira", fieldId: "priority", from: null, fromString: null, to: priority.id, toString: priority.name });
    if (issue.reporterKey !== null) items.push({ field: "reporter", fieldtype: "jira", fieldId: "reporter", from: null, fromString: null, to: userId(issue.reporterKey), toString: userName(issue.reporterKey) });
    const status = catalog.statuses.find((candidate) => candidate.id === issue.statusId);
    if (status) items.push({ field: "Status", fieldtype: "jira", fieldId: "status", from: null, fromString: null, to: status.id, toString: status.name });
    items.push({ field: "summary", fieldtype: "jira", fieldId: "summary", from: null, fromString: null, to: null, toString: issue.summary });
    return items;
  }
}
