import { z } from "zod";

/**
 * What Tether caches about a Jira site (server/commands/jira/refresh-metadata.ts): ids, keys, names
 * and schemas only, never issue contents. One contract for the server, the sync engine (field
 * mapping, validation) and the settings UI. Ids are Jira's own: strings, except boards and sprints.
 */
export const JiraProjectRef = z.object({ id: z.string(), key: z.string(), name: z.string() });

export const JiraIssueTypeMeta = z.object({
  id: z.string(),
  name: z.string(),
  subtask: z.boolean(),
  /** 1 = Epic, 0 = standard, -1 = sub-task. */
  hierarchyLevel: z.number(),
});
export type JiraIssueTypeMeta = z.infer<typeof JiraIssueTypeMeta>;

export const JiraFieldSchemaMeta = z.object({
  type: z.string(),
  /** Custom field type key, e.g. `com.pyxis.greenhopper.jira:gh-epic-link`. */
  custom: z.string().nullable(),
  customId: z.number().nullable(),
  items: z.string().nullable(),
  system: z.string().nullable(),
});

export const JiraFieldMeta = z.object({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  schema: JiraFieldSchemaMeta.nullable(),
  /** A team-managed project's own field: usable in that project (by id) only. Null: site-wide. */
  scopeProjectId: z.string().nullable().optional(),
});
export type JiraFieldMeta = z.infer<typeof JiraFieldMeta>;

/** Custom fields Tether gives a role, by field id (null: not on this Jira). */
export const JiraFieldRoles = z.object({
  epicLink: z.string().nullable(),
  epicName: z.string().nullable(),
  storyPoints: z.string().nullable(),
  sprint: z.string().nullable(),
});
export type JiraFieldRoles = z.infer<typeof JiraFieldRoles>;

export const JiraPriorityMeta = z.object({ id: z.string(), name: z.string() });
/** Status category keys: `new` (To Do), `indeterminate` (In Progress), `done`. */
export const JiraStatusMeta = z.object({ id: z.string(), name: z.string(), categoryKey: z.string().nullable() });
export type JiraStatusMeta = z.infer<typeof JiraStatusMeta>;
export const JiraLinkTypeMeta = z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() });

export const JiraSprintMeta = z.object({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  originBoardId: z.number().nullable(),
  goal: z.string().nullable(),
});
/** A board of the project with its active and future sprints (Kanban boards have none). */
export const JiraBoardMeta = z.object({ id: z.number(), name: z.string(), type: z.string(), projectKey: z.string().nullable(), sprints: z.array(JiraSprintMeta) });

/** One selected project: its issue types (which is the Epic), statuses per issue type, boards. Transitions are not cached (they depend on the issue). */
export const JiraProjectMetadata = z.object({
  /** `teamManaged`: a Cloud team-managed (next-gen) project, with its own types, statuses, workflow and fields. */
  project: JiraProjectRef.extend({ projectTypeKey: z.string().nullable(), teamManaged: z.boolean().optional() }),
  issueTypes: z.array(JiraIssueTypeMeta),
  epicTypeId: z.string().nullable(),
  statuses: z.array(z.object({ issueTypeId: z.string(), issueTypeName: z.string(), statuses: z.array(JiraStatusMeta) })),
  boards: z.array(JiraBoardMeta),
});
export type JiraProjectMetadata = z.infer<typeof JiraProjectMetadata>;

export const JiraMetadata = z.object({
  fetchedAt: z.iso.datetime(),
  /** Every project the account can browse (for picking); details only for the selected ones. */
  projects: z.array(JiraProjectRef),
  fields: z.array(JiraFieldMeta),
  fieldRoles: JiraFieldRoles,
  priorities: z.array(JiraPriorityMeta),
  statuses: z.array(JiraStatusMeta),
  linkTypes: z.array(JiraLinkTypeMeta),
  /** By project key, for the connection's selected projects. */
  projectDetails: z.record(z.string(), JiraProjectMetadata),
});
export type JiraMetadata = z.infer<typeof JiraMetadata>;
