import type { JiraMapping, MappingProblem } from "../../../common/contracts/jira-mapping.ts";
import { specOf, type SyncCustomField } from "./field-kinds.ts";
import { statusesFor, type SyncMetadata } from "./mapping-metadata.ts";
import { fieldExistsIn, jiraFieldIn, mappedProjects, projectFields, projectEntryOf } from "./project-mapping.ts";

const kindOf = (metadata: SyncMetadata, projectKey: string) => (metadata.projectDetails[projectKey]?.project.teamManaged ? "a team-managed project, with its own fields" : "a company-managed project");

/**
 * Per mapped project (the default one and each `projects` entry): the project and its Epic type
 * exist, its status map points at its statuses, and every synced field exists there. A field the
 * project lacks must be said so (an override of null), never silently dropped.
 */
export function validateProjects(mapping: JiraMapping, metadata: SyncMetadata, tetherStatusIds: ReadonlySet<string>, customFields: readonly SyncCustomField[] = []): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const seen = new Set<string>();
  (mapping.projects ?? []).forEach((entry, index) => {
    const path = `projects.${index}`;
    if (seen.has(entry.projectKey)) problem(`${path}.projectKey`, "duplicate_project", `Project ${entry.projectKey} has two entries; give each project one.`);
    seen.add(entry.projectKey);
    const details = metadata.projectDetails[entry.projectKey];
    if (!details) {
      problem(`${path}.projectKey`, "unknown_project", `Project ${entry.projectKey} is not among the connection's projects. Add it to the connection and refresh metadata.`);
      return;
    }
    if (entry.issueTypeId && !details.issueTypes.some((type) => type.id === entry.issueTypeId)) {
      problem(`${path}.issueTypeId`, "unknown_issue_type", `Issue type ${entry.issueTypeId} does not exist in project ${entry.projectKey} (${kindOf(metadata, entry.projectKey)}).`);
    }
    const jiraStatuses = new Set(statusesFor(metadata, entry.projectKey, entry.issueTypeId ?? mapping.issueTypeId).map((status) => status.id));
    entry.statusMap.forEach((status, statusIndex) => {
      if (!tetherStatusIds.has(status.tetherStatusId)) problem(`${path}.statusMap.${statusIndex}.tetherStatusId`, "unknown_status", `Tether status ${status.tetherStatusId} is not in this workspace's workflow.`);
      if (!jiraStatuses.has(status.jiraStatusId)) problem(`${path}.statusMap.${statusIndex}.jiraStatusId`, "unknown_status", `Jira status ${status.jiraStatusId} is not a status of the Epic type in ${entry.projectKey}.`);
    });
    entry.fields.forEach((override, fieldIndex) => {
      if (override.jiraField === null) return;
      const field = projectFields(metadata, entry.projectKey).find((candidate) => candidate.id === override.jiraField);
      const type = field?.schema?.type;
      const spec = specOf(override.tetherField, customFields, mapping.fields.find((entry) => entry.tetherField === override.tetherField) ?? null);
      if (!fieldExistsIn(metadata, entry.projectKey, override.jiraField)) {
        problem(`${path}.fields.${fieldIndex}.jiraField`, "field_not_in_project", `Project ${entry.projectKey} has no field ${override.jiraField}. Pick one of its own fields, or mark ${override.tetherField} as not synced there.`);
      } else if (!spec) {
        problem(`${path}.fields.${fieldIndex}.tetherField`, "unknown_field", `${override.tetherField} is not a field Tether can sync; define the custom field first or remove this entry.`);
      } else if (type && !spec.jiraTypes.includes(type)) {
        problem(`${path}.fields.${fieldIndex}.jiraField`, "incompatible_field", `${field?.name ?? override.jiraField} holds ${type} values; ${override.tetherField} needs ${spec.jiraTypes.join(" or ")}.`);
      }
    });
  });
  // Every synced field must exist in every mapped project, unless that project says it has none.
  for (const projectKey of mappedProjects(mapping)) {
    if (!metadata.projectDetails[projectKey]) continue;
    mapping.fields.forEach((entry, index) => {
      if (entry.direction === "off" || projectEntryOf(mapping, projectKey)?.fields.some((o) => o.tetherField === entry.tetherField)) return;
      const jiraField = jiraFieldIn(mapping, projectKey, entry);
      if (jiraField === null || fieldExistsIn(metadata, projectKey, jiraField)) return;
      const name = metadata.fields.find((field) => field.id === jiraField)?.name ?? jiraField;
      problem(
        `fields.${index}.jiraField`,
        "field_not_in_project",
        `${entry.tetherField} is mapped to ${name} (${jiraField}), which project ${projectKey} does not have (${kindOf(metadata, projectKey)}). Choose a ${projectKey} field for it under that project, or mark it as not synced in ${projectKey}.`,
      );
    });
  }
  return problems;
}

/** What the mapping leaves out on purpose: per project, the fields it does not sync there and why. Shown with the mapping and in the dry run. */
export function mappingNotes(mapping: JiraMapping, metadata: SyncMetadata): MappingProblem[] {
  return (mapping.projects ?? []).flatMap((entry, index) =>
    entry.fields.flatMap((override, fieldIndex) => {
      const field = mapping.fields.find((candidate) => candidate.tetherField === override.tetherField);
      if (override.jiraField !== null || !field || field.direction === "off") return [];
      return [
        {
          path: `projects.${index}.fields.${fieldIndex}`,
          code: "field_not_synced_in_project",
          message: `${override.tetherField} is not synced for Epics in ${entry.projectKey}: the project has no such field (${kindOf(metadata, entry.projectKey)}). Elsewhere it stays mapped to ${field.jiraField}. Add a field to ${entry.projectKey} and map it here to sync it there too.`,
        },
      ];
    }),
  );
}
