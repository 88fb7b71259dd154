import { z } from "zod";

/** Jira's status category keys: `new` (To Do), `indeterminate` (In Progress), `done`. */
export const StatusCategory = z.enum(["new", "indeterminate", "done"]);
export type StatusCategory = z.infer<typeof StatusCategory>;

export const EpicIssueSort = z.enum(["rank", "status", "updated"]);
export type EpicIssueSort = z.infer<typeof EpicIssueSort>;

/** Filters combine (AND); `assignee=unassigned` selects issues with nobody assigned. */
export const EpicIssuesQuery = z.object({
  type: z.string().trim().min(1).max(200).optional(),
  assignee: z.string().trim().min(1).max(200).optional(),
  status: z.string().trim().min(1).max(200).optional(),
  category: StatusCategory.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: EpicIssueSort.default("rank"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `true` fetches from Jira now instead of serving the cache. */
  refresh: z.enum(["true", "false"]).optional(),
});
export type EpicIssuesQuery = z.infer<typeof EpicIssuesQuery>;

export const EpicIssue = z.object({
  key: z.string(),
  summary: z.string(),
  issueType: z.object({ name: z.string(), iconUrl: z.string().nullable() }).nullable(),
  status: z.object({ name: z.string(), category: StatusCategory.nullable() }).nullable(),
  assignee: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  priority: z.string().nullable(),
  storyPoints: z.number().nullable(),
  sprint: z.string().nullable(),
  updated: z.iso.datetime().nullable(),
  /** Opens the issue in Jira. */
  url: z.string(),
});
export type EpicIssue = z.infer<typeof EpicIssue>;

const CategoryProgress = z.object({ issues: z.int(), storyPoints: z.number() });

/** The whole Epic, regardless of the filter. */
export const EpicProgress = z.object({
  total: z.object({ issues: z.int(), storyPoints: z.number() }),
  byCategory: z.object({ new: CategoryProgress, indeterminate: CategoryProgress, done: CategoryProgress }),
});
export type EpicProgress = z.infer<typeof EpicProgress>;

/** The values the filters can take (from the whole Epic). */
export const EpicFacets = z.object({
  types: z.array(z.string()),
  statuses: z.array(z.object({ name: z.string(), category: StatusCategory.nullable() })),
  assignees: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type EpicFacets = z.infer<typeof EpicFacets>;

export const EpicIssuesPage = z.object({
  epic: z.object({ key: z.string(), url: z.string() }),
  issues: z.array(EpicIssue),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many issues match the filter (counted in Tether's snapshot of the Epic, not invented). */
  matching: z.int(),
  progress: EpicProgress,
  facets: EpicFacets,
  /** When the list was loaded from Jira. */
  fetchedAt: z.iso.datetime(),
  /** When it is loaded again on the next read (unless a webhook says sooner). */
  freshUntil: z.iso.datetime(),
  /** Set when an older list is served because Jira could not be reached. */
  warning: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type EpicIssuesPage = z.infer<typeof EpicIssuesPage>;
