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
});

/** What Tether keeps of a delivery: no body, no people, no field values. */
export type DeliverySummary = { event: string; issueId: string | null; issueKey: string | null };

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
  const issueId = body.issue?.id ?? body.worklog?.issueId ?? null;
  return { ok: true, summary: { event: body.webhookEvent, issueId, issueKey: body.issue?.key ?? null } };
}

/** Events that concern an issue's fields; comment and worklog events are recorded but need no sync. */
export const issueEvents = ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"] as const;
/** What Tether asks Jira to send. Comment events are harmless extras some admins tick. */
export const subscribedEvents: string[] = [...issueEvents];

export const isIssueDeleted = (summary: { event: string }) => summary.event === "jira:issue_deleted";
export const concernsIssueFields = (summary: { event: string }) => (issueEvents as readonly string[]).includes(summary.event);
