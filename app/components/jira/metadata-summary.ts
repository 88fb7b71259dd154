import type { JiraFieldRoles, JiraMetadata, JiraProjectMetadata } from "../../../common/contracts/jira-metadata.ts";

export type FieldRoleName = keyof JiraFieldRoles;
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
  fieldRoles: JiraFieldRoles | null;
  /** One per selected project; `details` is null when that entry is missing or unreadable. */
  projects: { key: string; details: ProjectSummary | null }[];
};

function projectSummary(details: JiraProjectMetadata | undefined): ProjectSummary | null {
  if (!details) return null;
  const { project, issueTypes, epicTypeId, statuses, boards } = details;
  const byName = new Map<string, string | null>();
  for (const forType of statuses) for (const status of forType.statuses) if (!byName.has(status.name)) byName.set(status.name, status.categoryKey);
  return {
    key: project.key,
    name: project.name,
    issueTypes: issueTypes.map((t) => ({ id: t.id, name: t.name, isEpic: t.id === epicTypeId, subtask: t.subtask })),
    statuses: [...byName].map(([name, categoryKey]) => ({ name, categoryKey })),
    boards: boards.map((b) => ({
      id: String(b.id),
      name: b.name,
      type: b.type,
      sprints: b.sprints.map((sprint) => ({ id: String(sprint.id), name: sprint.name, state: sprint.state })),
    })),
  };
}

/** What the page shows about the cache (null: nothing cached yet), for the connection's selected projects. */
export function summariseMetadata(metadata: JiraMetadata | null, projectKeys: readonly string[]): MetadataSummary {
  return {
    projectCount: metadata ? metadata.projects.length : null,
    fieldCount: metadata ? metadata.fields.length : null,
    customFieldCount: metadata ? metadata.fields.filter((f) => f.custom).length : null,
    priorityCount: metadata ? metadata.priorities.length : null,
    linkTypeCount: metadata ? metadata.linkTypes.length : null,
    fieldRoles: metadata ? metadata.fieldRoles : null,
    projects: projectKeys.map((key) => ({ key, details: projectSummary(metadata?.projectDetails[key]) })),
  };
}
