import { z } from "zod";

/** Jira ids come as strings, but some senders (and old captures) use numbers. */
const id = z.union([z.string(), z.number()]).transform(String);

/**
 * A Jira webhook body, as far as sync needs it: the event and which issue. Lenient on purpose —
 * Cloud and Data Center differ in users, changelog items and field shapes, and unknown fields
 * are ignored; the sync job re-reads the issue anyway (a delivery is a hint, not the truth).
 */
const DeliveryBody = z.looseObject({
  webhookEvent: z.string().trim().min(1).max(200),
  timestamp: z.number().optional().catch(undefined),
  issue: z.looseObject({ id: id.optional().catch(undefined), key: z.string().max(300).optional().catch(undefined) }).optional().catch(undefined),
  // Worklog events carry only the issue id.
  worklog: z.looseObject({ issueId: id.optional().catch(undefined) }).optional().catch(undefined),
  // Sprint events: the sprint (id, name, state, dates, originBoardId); Tether keeps the id only.
  sprint: z.looseObject({ id: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) }).optional().catch(undefined),
  // Issue-link events: the two issues' ids (source has the outward description, e.g. "blocks").
  issueLink: z
    .looseObject({ sourceIssueId: id.optional().catch(undefined), destinationIssueId: id.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/**
 * What Tether keeps of a delivery: no body, no people, no field values. A sprint event keeps the
 * sprint's id; an issue-link event keeps its source issue as `issueId` and the other as `linkedIssueId`.
 */
export type DeliverySummary = { event: string; issueId: string | null; issueKey: string | null; sprintId: number | null; linkedIssueId: string | null };

export type ParseResult = { ok: true; summary: DeliverySummary } | { ok: false; reason: "malformed_json" | "not_a_delivery" };

/** Parses the raw bytes of a delivery into its summary. Never throws. */
export function parseDelivery(rawBody: Uint8Array): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    return { ok: false, reason: "malformed_json" };
  }
  const parsed = DeliveryBody.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "not_a_delivery" };
  const body = parsed.data;
  const isLink = (linkEvents as readonly string[]).includes(body.webhookEvent);
  const issueId = body.issue?.id ?? body.worklog?.issueId ?? (isLink ? body.issueLink?.sourceIssueId : undefined) ?? null;
  const sprintId = (sprintEvents as readonly string[]).includes(body.webhookEvent) ? (body.sprint?.id ?? null) : null;
  const linkedIssueId = isLink ? (body.issueLink?.destinationIssueId ?? null) : null;
  return { ok: true, summary: { event: body.webhookEvent, issueId, issueKey: body.issue?.key ?? null, sprintId, linkedIssueId } };
}

/** Events that concern an issue's fields; comment and worklog events are recorded but need no sync. */
export const issueEvents = ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"] as const;
/** A sprint changed (PI planning re-reads it). They carry no issue: Jira does not apply the webhook's JQL to them. */
export const sprintEvents = ["sprint_created", "sprint_updated", "sprint_started", "sprint_closed", "sprint_deleted"] as const;
/** An issue link was created or removed (PI planning's dependencies). No JQL applies to them either. */
export const linkEvents = ["issuelink_created", "issuelink_deleted"] as const;
/** What Tether asks Jira to send. Comment events are harmless extras some admins tick. */
export const subscribedEvents: string[] = [...issueEvents, ...sprintEvents, ...linkEvents];

export const isIssueDeleted = (summary: { event: string }) => summary.event === "jira:issue_deleted";
export const isSprintEvent = (summary: { event: string }) => (sprintEvents as readonly string[]).includes(summary.event);
export const isLinkEvent = (summary: { event: string }) => (linkEvents as readonly string[]).includes(summary.event);
export const concernsIssueFields = (summary: { event: string }) => (issueEvents as readonly string[]).includes(summary.event);
