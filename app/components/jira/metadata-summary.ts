import { z } from "zod";

/**
 * The cached Jira metadata arrives as an open record (one entry per kind, see
 * server/commands/jira/refresh-metadata.ts); these schemas read only what the settings page shows.
 */
const Named = z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() });
const Projects = z.array(Named.extend({ key: z.string() }));
const Fields = z.array(Named.extend({ custom: z.boolean() }));
const FieldRoles = z.object({
  epicLink: z.string().nullable(),
  epicName: z.string().nullable(),
  storyPoints: z.string().nullable(),
  sprint: z.string().nullable(),
});
const Status = Named.extend({ categoryKey: z.string().nullable() });
const ProjectDetails = z.object({
  project: z.object({ key: z.string(), name: z.string() }),
  issueTypes: z.array(Named.extend({ subtask: z.boolean() })),
  epicTypeId: z.string().nullable(),
  statuses: z.array(z.object({ issueTypeId: z.string(), statuses: z.array(Status) })),
  boards: z.array(Named.extend({ type: z.string(), sprints: z.array(Named.extend({ state: z.string() })) })),
});

export type FieldRoleName = keyof z.infer<typeof FieldRoles>;
export const fieldRoleLabels: Record<FieldRoleName, string> = {
  epicLink: "Epic Link",
  epicName: "Epic Name",
  storyPoints: "Story Points",
  sprint: "Sprint",
};

export type ProjectSummary = {
  key: string;
  name: string;
  issueTypes: { id: string; name: string; isEpic: boolean; subtask: boolean }[];
  /** Every status any of the project's issue types can reach, once each. */
  statuses: { name: string; categoryKey: string | null }[];
  boards: { id: string; name: string; type: string; sprints: { id: string; name: string; state: string }[] }[];
};

export type MetadataSummary = {
  projectCount: number | null;
  fieldCount: number | null;
  customFieldCount: number | null;
  priorityCount: number | null;
  linkTypeCount: number | null;
  fieldRoles: z.infer<typeof FieldRoles> | null;
  /** One per selected project; `details` is null when that entry is missing or unreadable. */
  projects: { key: string; details: ProjectSummary | null }[];
};

const countOf = (value: unknown): number | null => (Array.isArray(value) ? value.length : null);

function projectSummary(value: unknown): ProjectSummary | null {
  const parsed = ProjectDetails.safeParse(value);
  if (!parsed.success) return null;
  const { project, issueTypes, epicTypeId, statuses, boards } = parsed.data;
  const byName = new Map<string, string | null>();
  for (const forType of statuses) for (const status of forType.statuses) if (!byName.has(status.name)) byName.set(status.name, status.categoryKey);
  return {
    key: project.key,
    name: project.name,
    issueTypes: issueTypes.map((t) => ({ id: t.id, name: t.name, isEpic: t.id === epicTypeId, subtask: t.subtask })),
    statuses: [...byName].map(([name, categoryKey]) => ({ name, categoryKey })),
    boards: boards.map((b) => ({ id: b.id, name: b.name, type: b.type, sprints: b.sprints.map((s) => ({ id: s.id, name: s.name, state: s.state })) })),
  };
}

/** What the page shows about the cache, for the connection's selected projects. */
export function summariseMetadata(metadata: Record<string, unknown>, projectKeys: readonly string[]): MetadataSummary {
  const fields = Fields.safeParse(metadata.fields);
  const fieldRoles = FieldRoles.safeParse(metadata.fieldRoles);
  const projects = Projects.safeParse(metadata.projects);
  return {
    projectCount: projects.success ? projects.data.length : null,
    fieldCount: fields.success ? fields.data.length : null,
    customFieldCount: fields.success ? fields.data.filter((f) => f.custom).length : null,
    priorityCount: countOf(metadata.priorities),
    linkTypeCount: countOf(metadata.linkTypes),
    fieldRoles: fieldRoles.success ? fieldRoles.data : null,
    projects: projectKeys.map((key) => ({ key, details: projectSummary(metadata[`project:${key}`]) })),
  };
}
