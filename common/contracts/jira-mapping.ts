import { z } from "zod";
import { Priority } from "./use-cases.ts";

/**
 * The field and entity mapping of a workspace (BRIEF E): which Jira project and issue type a
 * use case becomes, and per Tether field which Jira field it stays equal to, in which direction.
 */
export const BuiltInSyncField = z.enum([
  "title",
  "description",
  "status",
  "assignee",
  "priority",
  "storyPoints",
  "wsjf",
  "targetDate",
  "tags",
  "businessValue",
  "timeCriticality",
  "riskReduction",
  "jobSize",
]);
export type BuiltInSyncField = z.infer<typeof BuiltInSyncField>;
/** A custom field of the use-case template, by key: `cf.<key>` (ADR 0011). */
export const CustomSyncField = z.templateLiteral(["cf.", z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)]);
export type CustomSyncField = z.infer<typeof CustomSyncField>;
export const SyncField = z.union([BuiltInSyncField, CustomSyncField], {
  error: (issue) => (issue.code === "invalid_union" ? `must be one of ${BuiltInSyncField.options.join(", ")}, or cf.<custom field key>` : undefined),
});
export type SyncField = z.infer<typeof SyncField>;
export const isCustomSyncField = (field: SyncField): field is CustomSyncField => field.startsWith("cf.");
export const customFieldKeyOf = (field: CustomSyncField) => field.slice(3);

/** both: either side's change wins per the conflict policy; to_jira / from_jira: one way; off: not synced. */
export const SyncDirection = z.enum(["both", "to_jira", "from_jira", "off"]);
export type SyncDirection = z.infer<typeof SyncDirection>;

export const ConflictPolicy = z.enum(["newest_wins", "tether_wins", "jira_wins", "ask"]);
export type ConflictPolicy = z.infer<typeof ConflictPolicy>;

const JiraId = z.string().trim().min(1).max(255);

/** A single- or multi-select option of a custom field ↔ a Jira select-list option (by id). */
export const OptionMapEntry = z.strictObject({ optionId: z.string().min(1).max(40), jiraOptionId: JiraId });
export type OptionMapEntry = z.infer<typeof OptionMapEntry>;

export const FieldMappingEntry = z.strictObject({
  tetherField: SyncField,
  /** Jira field id: `summary`, `description`, `status`, `assignee`, `priority`, `duedate`, `labels`, `customfield_…`. */
  jiraField: JiraId,
  direction: SyncDirection,
  /**
   * Custom select fields: which Jira option each Tether option is. A multi select without one
   * maps to a labels-like field by option label instead.
   */
  optionMap: z.array(OptionMapEntry).max(200).optional(),
});
export type FieldMappingEntry = z.infer<typeof FieldMappingEntry>;

/**
 * Tether status ↔ Jira status. Several Tether statuses may map to one Jira status; `preferred`
 * marks the one a change coming back from Jira lands on (the first one when none is marked).
 */
export const StatusMapEntry = z.strictObject({ tetherStatusId: z.uuid(), jiraStatusId: JiraId, preferred: z.boolean().default(false) });
export const PriorityMapEntry = z.strictObject({ priority: Priority, jiraPriorityId: JiraId, preferred: z.boolean().default(false) });
/** A manual override: this member is that Jira user (Cloud accountId, Data Center username). */
export const UserMapEntry = z.strictObject({ userId: z.uuid(), jiraUserId: JiraId, jiraDisplayName: z.string().max(255).default("") });
export type StatusMapEntry = z.infer<typeof StatusMapEntry>;
export type PriorityMapEntry = z.infer<typeof PriorityMapEntry>;
export type UserMapEntry = z.infer<typeof UserMapEntry>;

/**
 * What differs in one project (a team-managed project has its own issue types, statuses and
 * fields): its Epic type, its status map, and per Tether field the Jira field there — `null` when
 * the project has no such field (that field is then not synced for its issues, and the mapping
 * says so). Anything not given is the workspace-wide mapping's.
 */
export const ProjectFieldOverride = z.strictObject({ tetherField: SyncField, jiraField: JiraId.nullable() });
export const ProjectMapping = z.strictObject({
  projectKey: z.string().trim().min(1).max(255),
  issueTypeId: JiraId.optional(),
  fields: z.array(ProjectFieldOverride).max(50).default([]),
  /** Empty: the workspace-wide status map. */
  statusMap: z.array(StatusMapEntry).max(200).default([]),
});
export type ProjectMapping = z.infer<typeof ProjectMapping>;

export const JiraMapping = z.strictObject({
  projectKey: z.string().trim().min(1).max(255),
  /** The issue type a use case becomes (the project's Epic type by default). */
  issueTypeId: JiraId,
  fields: z.array(FieldMappingEntry).max(50),
  statusMap: z.array(StatusMapEntry).max(200).default([]),
  priorityMap: z.array(PriorityMapEntry).max(50).default([]),
  userMap: z.array(UserMapEntry).max(1000).default([]),
  conflictPolicy: ConflictPolicy.default("newest_wins"),
  /** Per-project differences, for workspaces whose Epics live in more than one project (e.g. company- and team-managed side by side). */
  projects: z.array(ProjectMapping).max(20).optional(),
});
export type JiraMapping = z.infer<typeof JiraMapping>;
export type JiraMappingInput = z.input<typeof JiraMapping>;

/** One problem found when a mapping is checked against the connection's metadata and screens. */
export const MappingProblem = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type MappingProblem = z.infer<typeof MappingProblem>;

export const MappingResponse = z.object({
  mapping: JiraMapping,
  /** false until an Admin or Moderator saved one: `mapping` is then the proposed default. */
  saved: z.boolean(),
  version: z.int(),
  /** Members with no Jira user: neither a manual entry nor a unique email match. */
  unmatchedUsers: z.array(z.object({ userId: z.uuid(), displayName: z.string(), email: z.string() })),
  warnings: z.array(MappingProblem),
});
export type MappingResponse = z.infer<typeof MappingResponse>;

/** What saving a mapping would change: linked use cases and the fields that would be pushed or pulled. */
export const MappingImpact = z.object({
  linkedUseCases: z.int(),
  /** What the mapping leaves out on purpose, e.g. a field one project does not have. */
  notes: z.array(MappingProblem).optional(),
  changedFields: z.array(z.object({ tetherField: SyncField, change: z.enum(["added", "removed", "direction", "jiraField", "values"]) })),
  affected: z.array(z.object({ useCaseId: z.uuid(), key: z.string(), issueKey: z.string().nullable(), fields: z.array(SyncField) })),
});
export type MappingImpact = z.infer<typeof MappingImpact>;

export const SaveMappingBody = JiraMapping.extend({ version: z.int().min(0).optional() });
