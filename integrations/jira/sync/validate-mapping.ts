import type { JiraMapping, MappingProblem } from "../../../common/contracts/jira-mapping.ts";
import { isCustomSyncField } from "../../../common/contracts/jira-mapping.ts";
import { customFieldProblems } from "./validate-custom-mapping.ts";
import { specOf, type SyncCustomField } from "./field-kinds.ts";
import { statusesFor, type SyncMetadata } from "./mapping-metadata.ts";
import { validateProjects } from "./validate-projects.ts";

/** System fields every Jira has, whatever the field list says. */
const systemFieldTypes: Record<string, string> = {
  summary: "string",
  description: "string",
  status: "status",
  assignee: "user",
  priority: "priority",
  duedate: "date",
  labels: "array",
};

/**
 * Checks a mapping against the connection's metadata: the project and issue type exist, every
 * Jira field exists and has a type the Tether field can hold, value maps point at real values.
 */
export function validateMapping(
  mapping: JiraMapping,
  metadata: SyncMetadata,
  tetherStatusIds: ReadonlySet<string>,
  customFields: readonly SyncCustomField[] = [],
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const project = metadata.projectDetails[mapping.projectKey];
  if (!project) {
    problem("projectKey", "unknown_project", `Project ${mapping.projectKey} is not among the connection's projects. Add it to the connection and refresh metadata.`);
  } else if (!project.issueTypes.some((t) => t.id === mapping.issueTypeId)) {
    problem("issueTypeId", "unknown_issue_type", `Issue type ${mapping.issueTypeId} does not exist in project ${mapping.projectKey}.`);
  }
  const seen = new Set<string>();
  mapping.fields.forEach((entry, index) => {
    const path = `fields.${index}`;
    const spec = specOf(entry.tetherField, customFields, entry);
    if (!spec) {
      const definition = customFields.find((f) => `cf.${f.key}` === entry.tetherField);
      if (!definition) problem(`${path}.tetherField`, "unknown_custom_field", `Tether has no custom field ${entry.tetherField.slice(3)}.`);
      else problem(`${path}.tetherField`, "incompatible_field", `${definition.name} is a ${definition.type} field, which has no Jira counterpart.`);
      return;
    }
    if (isCustomSyncField(entry.tetherField)) customFieldProblems(entry, customFields, metadata, (p, code, message) => problem(`${path}.${p}`, code, message));
    if (seen.has(entry.tetherField)) problem(`${path}.tetherField`, "duplicate_field", `${entry.tetherField} is mapped twice; map each Tether field once.`);
    seen.add(entry.tetherField);
    if (spec.readOnlyInTether && (entry.direction === "both" || entry.direction === "from_jira")) {
      problem(`${path}.direction`, "read_only_field", `${entry.tetherField} is computed in Tether and can only go to Jira ("to_jira" or "off").`);
    }
    const field = metadata.fields.find((f) => f.id === entry.jiraField);
    const type = field?.schema?.type ?? systemFieldTypes[entry.jiraField];
    if (!field && !type) {
      problem(`${path}.jiraField`, "unknown_jira_field", `Jira has no field ${entry.jiraField}. Pick one from the refreshed metadata.`);
      return;
    }
    if (type && !spec.jiraTypes.includes(type)) {
      const name = field?.name ?? entry.jiraField;
      problem(`${path}.jiraField`, "incompatible_field", `${name} (${entry.jiraField}) holds ${type} values; ${entry.tetherField} needs ${spec.jiraTypes.join(" or ")}${spec.kind === "options" ? " (a multi-select list)" : ""}.`);
    }
    if (spec.kind === "labels" && field?.schema && field.schema.items !== null && field.schema.items !== "string" && field.schema.items !== "option") {
      problem(`${path}.jiraField`, "incompatible_field", `${field.name} holds a list of ${field.schema.items}; tags need text values.`);
    }
  });
  const jiraStatuses = new Set(statusesFor(metadata, mapping.projectKey, mapping.issueTypeId).map((s) => s.id));
  mapping.statusMap.forEach((entry, index) => {
    if (!tetherStatusIds.has(entry.tetherStatusId)) problem(`statusMap.${index}.tetherStatusId`, "unknown_status", `Tether status ${entry.tetherStatusId} is not in this workspace's workflow.`);
    if (!jiraStatuses.has(entry.jiraStatusId)) {
      problem(`statusMap.${index}.jiraStatusId`, "unknown_status", `Jira status ${entry.jiraStatusId} is not a status of this issue type in ${mapping.projectKey}.`);
    }
  });
  mapping.priorityMap.forEach((entry, index) => {
    if (!metadata.priorities.some((p) => p.id === entry.jiraPriorityId)) problem(`priorityMap.${index}.jiraPriorityId`, "unknown_priority", `Jira has no priority ${entry.jiraPriorityId}.`);
  });
  const users = new Set<string>();
  mapping.userMap.forEach((entry, index) => {
    if (users.has(entry.jiraUserId)) problem(`userMap.${index}.jiraUserId`, "duplicate_user", `Jira user ${entry.jiraUserId} is mapped to two members; a Jira user stands for one member.`);
    users.add(entry.jiraUserId);
  });
  problems.push(...validateProjects(mapping, metadata, tetherStatusIds, customFields));
  return problems;
}
