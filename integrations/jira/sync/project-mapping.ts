import type { FieldMappingEntry, JiraMapping, ProjectMapping, SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { JiraFieldMeta } from "../../../common/contracts/jira-metadata.ts";
import type { SyncMetadata } from "./mapping-metadata.ts";

/** Jira Software's "Story point estimate", the field team-managed projects estimate with. */
const storyPointEstimate = "com.pyxis.greenhopper.jira:jsw-story-points";
/** System fields every project has, whatever the field list says. */
const systemFieldIds = new Set(["summary", "description", "status", "assignee", "priority", "duedate", "labels"]);

/**
 * The fields an issue of this project can have. A company-managed project uses the site-wide
 * fields; a team-managed one uses system fields, Jira Software's own (Sprint, Rank, Story point
 * estimate) and the fields scoped to it — never another project's nor the site's other custom fields.
 */
export function projectFields(metadata: SyncMetadata, projectKey: string): JiraFieldMeta[] {
  const project = metadata.projectDetails[projectKey]?.project;
  const teamManaged = project?.teamManaged === true;
  return metadata.fields.filter((field) => {
    const scope = field.scopeProjectId ?? null;
    if (scope !== null) return scope === project?.id;
    if (!field.custom || !teamManaged) return true;
    return field.schema?.custom?.startsWith("com.pyxis.greenhopper.jira:") === true;
  });
}

export function fieldExistsIn(metadata: SyncMetadata, projectKey: string, jiraField: string): boolean {
  return systemFieldIds.has(jiraField) || projectFields(metadata, projectKey).some((field) => field.id === jiraField);
}

/** The project's story points field: its own "Story point estimate" when team-managed, else the site's. */
export function storyPointsFieldOf(metadata: SyncMetadata, projectKey: string): string | null {
  const fields = projectFields(metadata, projectKey);
  if (metadata.projectDetails[projectKey]?.project.teamManaged) {
    const own = fields.find((field) => field.scopeProjectId && (field.schema?.custom === storyPointEstimate || /^story point/i.test(field.name)));
    return own?.id ?? fields.find((field) => field.schema?.custom === storyPointEstimate)?.id ?? null;
  }
  // The site-wide role (findFieldRoles leaves team-managed projects' own fields out).
  return metadata.fieldRoles.storyPoints;
}

/** A number field named WSJF in the project, if it has one. */
export function wsjfFieldOf(metadata: SyncMetadata, projectKey: string): string | null {
  return projectFields(metadata, projectKey).find((f) => f.custom && f.schema?.type === "number" && /wsjf/i.test(f.name))?.id ?? null;
}

export const projectEntryOf = (mapping: JiraMapping, projectKey: string): ProjectMapping | undefined => (mapping.projects ?? []).find((entry) => entry.projectKey === projectKey);

/** Every project a use case's Epic may live in: the default one first, then those with their own entry. */
export function mappedProjects(mapping: JiraMapping): string[] {
  return [...new Set([mapping.projectKey, ...(mapping.projects ?? []).map((entry) => entry.projectKey)])];
}

/** The Jira field a Tether field uses in this project: the override, else the workspace-wide one; null = not synced there. */
export function jiraFieldIn(mapping: JiraMapping, projectKey: string, entry: FieldMappingEntry): string | null {
  const override = projectEntryOf(mapping, projectKey)?.fields.find((candidate) => candidate.tetherField === entry.tetherField);
  return override ? override.jiraField : entry.jiraField;
}

/**
 * The mapping as it applies to issues of one project: that project's Epic type and status map,
 * each field's Jira field there, and without the fields the project does not have. What the sync
 * engine runs with for a link (by the link's project).
 */
export function mappingForProject(mapping: JiraMapping, projectKey: string): JiraMapping {
  const entry = projectEntryOf(mapping, projectKey);
  if (!entry) return projectKey === mapping.projectKey ? mapping : { ...mapping, projectKey };
  const fields = mapping.fields.flatMap((field) => {
    const jiraField = jiraFieldIn(mapping, projectKey, field);
    return jiraField === null ? [] : [{ ...field, jiraField }];
  });
  return {
    ...mapping,
    projectKey,
    issueTypeId: entry.issueTypeId ?? mapping.issueTypeId,
    fields,
    statusMap: entry.statusMap.length > 0 ? entry.statusMap : mapping.statusMap,
  };
}

/** Fields the mapping syncs elsewhere but not in this project (an override of null). */
export function fieldsLeftOutIn(mapping: JiraMapping, projectKey: string): SyncField[] {
  return mapping.fields.filter((field) => field.direction !== "off" && jiraFieldIn(mapping, projectKey, field) === null).map((field) => field.tetherField);
}
