import { z } from "zod";
import { SyncField } from "./jira-mapping.ts";

/** Reconciliation settings of a workspace and how the last run went. */
export const SyncSettings = z.object({
  /** How often reconciliation searches Jira for missed changes (seconds, 60 to 86,400). */
  reconcileIntervalSeconds: z.int().min(60).max(86_400),
  lastReconciledAt: z.iso.datetime().nullable(),
  lastRun: z.object({ outcome: z.string(), message: z.string().nullable(), at: z.iso.datetime() }).nullable(),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export const SaveSyncSettingsBody = z.object({ reconcileIntervalSeconds: z.int().min(60).max(86_400) }).strict();

/** A tracked workspace operation: "Re-sync now" or an Epic import. */
export const SyncJobProgress = z.object({
  id: z.uuid(),
  kind: z.enum(["resync", "import"]),
  state: z.enum(["queued", "running", "done", "failed"]),
  total: z.int(),
  done: z.int(),
  failed: z.int(),
  /** Import: Epics already linked, left alone. */
  skipped: z.int(),
  message: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type SyncJobProgress = z.infer<typeof SyncJobProgress>;

const IssueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, "an issue key like TETH-12");

export const ImportPreviewBody = z.object({ jql: z.string().trim().min(1).max(2000), limit: z.int().min(1).max(200).default(50) }).strict();
export const ImportPreview = z.object({
  epics: z.array(z.object({ issueId: z.string(), issueKey: z.string(), summary: z.string(), status: z.string().nullable(), linked: z.boolean() })),
  /** True when more Epics match than were listed. */
  more: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportBody = z.union([
  z.object({ jql: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ issueKeys: z.array(IssueKey).min(1).max(5000) }).strict(),
], { error: (issue) => (issue.code === "invalid_union" ? 'send {"jql": "<JQL>"} or {"issueKeys": ["TETH-12", …]} — one of the two' : undefined) });
export type ImportBody = z.infer<typeof ImportBody>;

/** A conflict parked in "ask" mode: both sides changed one field since they last agreed. */
export const OpenConflict = z.object({
  linkId: z.uuid(),
  useCase: z.object({ id: z.uuid(), key: z.string(), title: z.string() }),
  issueKey: z.string().nullable(),
  field: SyncField,
  /** Values in the sync's normalised form (status, priority, people as Jira ids). */
  tether: z.unknown(),
  jira: z.unknown(),
  base: z.unknown(),
  detectedAt: z.iso.datetime(),
});
export type OpenConflict = z.infer<typeof OpenConflict>;

export const ResolveConflictBody = z.object({ field: SyncField, keep: z.enum(["tether", "jira"]) }).strict();
export type ResolveConflictBody = z.infer<typeof ResolveConflictBody>;
