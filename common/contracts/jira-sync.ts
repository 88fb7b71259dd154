import { z } from "zod";

export const LinkState = z.enum(["creating", "ok", "pending", "retrying", "blocked", "error", "broken"]);
export type LinkState = z.infer<typeof LinkState>;

/** A use case's link to its Jira issue, with the sync state a person can act on. */
export const JiraLink = z.object({
  id: z.uuid(),
  useCaseId: z.uuid(),
  issueId: z.string().nullable(),
  issueKey: z.string().nullable(),
  /** Opens the issue in Jira. */
  issueUrl: z.string().nullable(),
  projectKey: z.string(),
  state: LinkState,
  /** Stable code of the reason (e.g. `jira_field_not_on_screen`), null when all is well. */
  stateCode: z.string().nullable(),
  /** What happened and what to do, in words. */
  stateReason: z.string().nullable(),
  lastSyncedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type JiraLink = z.infer<typeof JiraLink>;

export const SyncLogEntry = z.object({
  id: z.string(),
  useCase: z.object({ id: z.uuid(), key: z.string(), title: z.string() }).nullable(),
  issueKey: z.string().nullable(),
  operation: z.string(),
  direction: z.enum(["to_jira", "from_jira", "none"]),
  outcome: z.enum(["ok", "skipped", "retrying", "blocked", "failed", "conflict"]),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  attempts: z.int(),
  durationMs: z.int().nullable(),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SyncLogEntry = z.infer<typeof SyncLogEntry>;

export const SyncLogPage = z.object({ entries: z.array(SyncLogEntry), nextCursor: z.string().nullable() });

export const UseCaseJiraResponse = z.object({
  link: JiraLink.nullable(),
  /** Whether the caller may link/unlink and sync this use case, and why not. */
  abilities: z.object({ link: z.boolean(), sync: z.boolean() }),
  features: z.object({ toJira: z.boolean(), fromJira: z.boolean(), issueListing: z.boolean() }),
  recent: z.array(SyncLogEntry),
});
export type UseCaseJiraResponse = z.infer<typeof UseCaseJiraResponse>;

export const LinkBody = z.union([
  /** `projectKey`: where to create the Epic, one of the mapping's projects (default: the mapping's project). */
  z.strictObject({ create: z.literal(true), projectKey: z.string().trim().min(1).max(255).optional() }),
  z.strictObject({ issueKey: z.string().trim().regex(/^[A-Z][A-Z0-9_]*-\d+$/, "an issue key such as TETH-12") }),
], { error: (issue) => (issue.code === "invalid_union" ? 'send {"create": true} (optionally with "projectKey") to create an Epic, or {"issueKey": "TETH-12"} to link an existing issue — one of the two' : undefined) });
export type LinkBody = z.infer<typeof LinkBody>;

export const UnlinkQuery = z.object({ deleteInJira: z.enum(["true", "false"]).optional() });

export const SyncLogQuery = z.object({
  useCaseId: z.uuid().optional(),
  outcome: z.enum(["ok", "skipped", "retrying", "blocked", "failed", "conflict"]).optional(),
  direction: z.enum(["to_jira", "from_jira", "none"]).optional(),
  operation: z.string().max(40).optional(),
  issueKey: z.string().max(100).optional(),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
