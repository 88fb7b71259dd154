import { z } from "zod";
import { safeDate, safeText } from "./safe-text.ts";
import { StatusCategory } from "./workspaces.ts";

export const Priority = z.enum(["lowest", "low", "medium", "high", "highest"]);
export type Priority = z.infer<typeof Priority>;
export const Visibility = z.enum(["public", "assigned"]);
export type Visibility = z.infer<typeof Visibility>;

const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/**
 * What the caller may do with this use case, decided by the server's policy
 * (server/policies/use-cases.ts); clients show controls by these, never by re-deciding.
 * `link` and `sync` are the Jira integration's (link an Epic; push/pull now).
 */
export const UseCaseAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  delete: z.boolean(),
  comment: z.boolean(),
  link: z.boolean(),
  sync: z.boolean(),
});
export type UseCaseAbilities = z.infer<typeof UseCaseAbilities>;

/** A use case's own fields, the same for every reader. `wsjf` is computed by the database: (BV + TC + RR) / job size. */
export const UseCaseFields = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.int(),
  title: z.string(),
  description: z.string(),
  status: z.object({ id: z.uuid(), name: z.string(), category: StatusCategory }),
  assignee: z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }).nullable(),
  members: z.array(UserRef),
  priority: Priority,
  tags: z.array(z.string()),
  targetDate: z.iso.date().nullable(),
  businessValue: z.int().nullable(),
  timeCriticality: z.int().nullable(),
  riskReduction: z.int().nullable(),
  jobSize: z.int().nullable(),
  wsjf: z.number().nullable(),
  storyPoints: z.number().nullable(),
  visibility: Visibility,
  /** Values of the workspace's custom fields, keyed by field key (shapes per type: contracts/custom-fields.ts). */
  customFields: z.record(z.string(), z.unknown()),
  version: z.int(),
  createdBy: UserRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UseCaseFields = z.infer<typeof UseCaseFields>;

/** A use case as a client sees it: its fields and what this caller may do with it. */
export const UseCase = UseCaseFields.extend({ abilities: UseCaseAbilities });
export type UseCase = z.infer<typeof UseCase>;

// Tags are compared case-insensitively, so they are stored trimmed, lowercase, unique and sorted.
export const Tag = safeText().trim().min(1).max(40).toLowerCase();
const Tags = z
  .array(Tag)
  .max(20)
  .transform((tags) => [...new Set(tags)].sort());
const Score = z.int().min(0).max(100).nullable();
const StoryPoints = z
  .number()
  .min(0)
  .max(1000)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: "must have at most 2 decimals" })
  .nullable();

/**
 * Every field a client may write. `customFields` sets the given keys (null clears one) and leaves
 * the others; values are checked against the workspace's definitions by the server.
 */
const editableFields = {
  title: safeText().trim().min(1).max(200),
  description: safeText().max(100_000),
  statusId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  memberIds: z.array(z.uuid()).max(100),
  priority: Priority,
  tags: Tags,
  targetDate: safeDate().nullable(),
  businessValue: Score,
  timeCriticality: Score,
  riskReduction: Score,
  jobSize: z.int().min(1).max(100).nullable(),
  storyPoints: StoryPoints,
  visibility: Visibility,
  customFields: z
    .record(z.string().max(40), z.unknown())
    .refine((values) => Object.keys(values).length <= 100, { error: "at most 100 fields at once" })
    .meta({ description: "Custom-field values by field key; see the custom-fields resource for each type's value shape" }),
};

export const CreateUseCaseBody = z.strictObject({
  ...z.object(editableFields).partial().shape,
  title: editableFields.title,
});
export type CreateUseCaseBody = z.input<typeof CreateUseCaseBody>;
export type CreateUseCaseInput = z.output<typeof CreateUseCaseBody>;

/**
 * A partial update. `version` is the version the client read (or send `If-Match: "<version>"`);
 * a stale version is refused with 409 `version_conflict`.
 */
export const UpdateUseCaseBody = z.strictObject({
  ...z.object(editableFields).partial().shape,
  version: z.int().min(1).optional(),
});
export type UpdateUseCaseBody = z.input<typeof UpdateUseCaseBody>;
export type UpdateUseCaseInput = z.output<typeof UpdateUseCaseBody>;

export const UseCaseSort = z.enum([
  "updated",
  "-updated",
  "created",
  "-created",
  "title",
  "-title",
  "wsjf",
  "-wsjf",
  "priority",
  "-priority",
  "targetDate",
  "-targetDate",
  "number",
  "-number",
  // The board's order within a column (cards never placed come last).
  "boardRank",
]);
export type UseCaseSort = z.infer<typeof UseCaseSort>;

/** Sorting by a custom field: `cf.<key>` or `-cf.<key>` (types with one natural order; nulls last). */
export const CustomFieldSort = z.string().regex(/^-?cf\.[a-z][a-z0-9_]{0,39}$/, { error: "must be a built-in sort or cf.<field key>" });
export const ListSort = z.union([UseCaseSort, CustomFieldSort]);
export type ListSort = z.infer<typeof ListSort>;

/**
 * Custom-field filters, each `<key>:<op>[:<value>]`: `set`, `empty`, `is:<value>` (text, number,
 * date, checkbox true/false, option id, tag, person id), `gte:` / `lte:` (number, slider, date),
 * `contains:<text>` (text). Several filters all apply. Repeat the parameter; commas are literal.
 */
const customFieldFilters = z
  .union([safeText().max(300), z.array(safeText().max(300))])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}:(set|empty|is:.+|gte:.+|lte:.+|contains:.+)$/s, { error: "must be <key>:<op>[:<value>]" })).max(10));

/** `?a=1&a=2` and `?a=1,2` both mean [1, 2]. */
const repeatable = z
  .union([safeText(), z.array(safeText())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== ""));

export const ListUseCasesQuery = z.object({
  status: repeatable.pipe(z.array(z.uuid()).max(50)).optional(),
  assignee: z.union([z.literal("me"), z.literal("none"), z.uuid({ error: 'must be "me", "none" or a member\'s user id' })]).optional(),
  tag: repeatable.pipe(z.array(Tag).max(20)).optional(),
  q: safeText().max(200).optional(),
  visibility: Visibility.optional(),
  cf: customFieldFilters.optional(),
  sort: ListSort.default("-updated"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: safeText().max(2000).optional(),
});
export type ListUseCasesQuery = z.input<typeof ListUseCasesQuery>;

/** The list's filters without sort and paging: for counts per status (board columns). */
export const CountUseCasesQuery = ListUseCasesQuery.omit({ sort: true, limit: true, cursor: true });
export const UseCaseCounts = z.object({
  total: z.int(),
  byStatus: z.array(z.object({ statusId: z.uuid(), count: z.int() })),
});
export type UseCaseCounts = z.infer<typeof UseCaseCounts>;

export const UseCaseList = z.object({ useCases: z.array(UseCase), nextCursor: z.string().nullable() });
export type UseCaseList = z.infer<typeof UseCaseList>;
export const UseCaseResponse = z.object({ useCase: UseCase });

export const UseCaseComment = z.object({
  id: z.uuid(),
  body: z.string(),
  author: UserRef.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UseCaseComment = z.infer<typeof UseCaseComment>;
export const CommentBody = z.strictObject({ body: safeText().min(1).max(20_000).refine((b) => b.trim() !== "", { error: "must not be blank" }) });
export type CommentBody = z.input<typeof CommentBody>;
export const CommentList = z.object({ comments: z.array(UseCaseComment) });
export const CommentResponse = z.object({ comment: UseCaseComment });

export const HistoryEntry = z.object({
  id: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  /** The Tether user who made the change; null for Jira and system changes (and deleted users). */
  actor: UserRef.nullable(),
  /** Where the change came from: a user in Tether (UI or API), Jira (sync), or Tether itself. */
  source: z.enum(["user", "jira", "system"]),
  /** Who to show: the user's name, "Jira · <display name>", or the process's name. */
  actorLabel: z.string(),
  createdAt: z.iso.datetime(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: safeText().max(200).optional(),
});
export const HistoryList = z.object({ history: z.array(HistoryEntry), nextCursor: z.string().nullable() });
