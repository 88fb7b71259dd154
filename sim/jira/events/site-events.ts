import type { SimStore } from "../model/store.ts";
import type { LinkTypeDef, SimIssueLink, SimSprint } from "../model/types.ts";
import { renderSprint } from "../render/agile.ts";
import type { SimSiteWebhookEvent, SimSiteWebhookEventName, WebhookDispatcher } from "../webhooks/types.ts";

type Json = Record<string, unknown>;

/** The part of the webhook module's dispatcher that events need. */
export type SiteDispatcherPort = Pick<WebhookDispatcher, "dispatch">;

/**
 * Sprint and issue-link changes as webhook events. They carry no issue, so the dispatcher sends
 * them to every registration subscribed to the event, whatever its JQL (as Jira does).
 * Bodies: `sprint` (the Agile API shape) and, for `sprint_updated`, `oldValue` (the sprint
 * before the change); `issueLink` with `id`, `sourceIssueId` (the issue with the outward
 * description, "blocks"), `destinationIssueId`, `issueLinkType` and `systemLink`.
 */
export class SiteEvents {
  readonly emitted: SimSiteWebhookEvent[] = [];

  constructor(
    private readonly store: SimStore,
    private readonly site: { readonly baseUrl: string },
    private readonly dispatcher: SiteDispatcherPort | null,
    private readonly keepHistory = 1000,
  ) {}

  sprintCreated(sprint: SimSprint): void {
    this.sprint("sprint_created", sprint);
  }

  /** One `sprint_updated` with the old values, then `sprint_started` / `sprint_closed` when the state moved. */
  sprintUpdated(sprint: SimSprint, before: SimSprint): void {
    this.emit("sprint_updated", { sprint: this.sprintJson(sprint), oldValue: this.sprintJson(before) });
    if (before.state === "future" && sprint.state === "active") this.sprint("sprint_started", sprint);
    if (before.state !== "closed" && sprint.state === "closed") this.sprint("sprint_closed", sprint);
  }

  /** Call with the sprint as it was just before it went. */
  sprintDeleted(sprint: SimSprint): void {
    this.sprint("sprint_deleted", sprint);
  }

  issueLink(kind: "issuelink_created" | "issuelink_deleted", link: SimIssueLink, type: LinkTypeDef): void {
    this.emit(kind, {
      issueLink: {
        id: Number(link.id),
        sourceIssueId: link.outwardIssueId,
        destinationIssueId: link.inwardIssueId,
        issueLinkType: { id: Number(type.id), name: type.name, outwardName: type.outward, inwardName: type.inward, isSubTaskLinkType: false, isSystemLinkType: false },
        systemLink: false,
      },
    });
  }

  private sprint(kind: SimSiteWebhookEventName, sprint: SimSprint): void {
    this.emit(kind, { sprint: this.sprintJson(sprint) });
  }

  private sprintJson(sprint: SimSprint): Json {
    return renderSprint({ store: this.store, baseUrl: this.site.baseUrl, version: 2 }, sprint);
  }

  private emit(webhookEvent: SimSiteWebhookEventName, payload: Json): void {
    const event: SimSiteWebhookEvent = { webhookEvent, flow: "Primary", payload };
    this.emitted.push(event);
    if (this.emitted.length > this.keepHistory) this.emitted.splice(0, this.emitted.length - this.keepHistory);
    if (!this.dispatcher) return;
    const registrations = [...this.store.webhooks.values()].filter((registration) => registration.enabled);
    if (registrations.length > 0) this.dispatcher.dispatch(event, registrations);
  }
}
