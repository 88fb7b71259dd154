import type { FieldMappingEntry, JiraMapping, SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { Priority } from "../../../common/contracts/use-cases.ts";
import { statusesFor, type SyncMetadata } from "./mapping-metadata.ts";

export type TetherStatus = { id: string; name: string; category: string };

const jiraCategoryOf: Record<string, string> = { todo: "new", in_progress: "indeterminate", done: "done", stopped: "done" };
const priorities: Priority[] = ["lowest", "low", "medium", "high", "highest"];
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function defaultFields(metadata: SyncMetadata): FieldMappingEntry[] {
  const fields: FieldMappingEntry[] = [
    { tetherField: "title", jiraField: "summary", direction: "both" },
    { tetherField: "description", jiraField: "description", direction: "both" },
    { tetherField: "status", jiraField: "status", direction: "both" },
    { tetherField: "assignee", jiraField: "assignee", direction: "both" },
    { tetherField: "priority", jiraField: "priority", direction: "both" },
  ];
  if (metadata.fieldRoles.storyPoints) fields.push({ tetherField: "storyPoints", jiraField: metadata.fieldRoles.storyPoints, direction: "both" });
  const wsjf = metadata.fields.find((f) => f.custom && f.schema?.type === "number" && /wsjf/i.test(f.name));
  if (wsjf) fields.push({ tetherField: "wsjf", jiraField: wsjf.id, direction: "to_jira" });
  const add = (tetherField: SyncField, jiraField: string) => {
    if (metadata.fields.some((f) => f.id === jiraField)) fields.push({ tetherField, jiraField, direction: "both" });
  };
  add("targetDate", "duedate");
  add("tags", "labels");
  return fields;
}

/**
 * The proposed mapping for a workspace that has none: the project's Epic type, the usual field
 * pairs, statuses matched by name (else by category), priorities by name.
 */
export function defaultMapping(metadata: SyncMetadata, projectKey: string, tetherStatuses: readonly TetherStatus[]): JiraMapping {
  const project = metadata.projectDetails[projectKey];
  const issueTypeId = project?.epicTypeId ?? project?.issueTypes[0]?.id ?? "";
  const jiraStatuses = statusesFor(metadata, projectKey, issueTypeId);
  const usedJiraStatuses = new Set<string>();
  const statusMap = tetherStatuses.flatMap((status) => {
    const match = jiraStatuses.find((j) => same(j.name, status.name)) ?? jiraStatuses.find((j) => j.categoryKey === jiraCategoryOf[status.category]);
    if (!match) return [];
    const preferred = !usedJiraStatuses.has(match.id);
    usedJiraStatuses.add(match.id);
    return [{ tetherStatusId: status.id, jiraStatusId: match.id, preferred }];
  });
  // By name (Cloud's Highest…Lowest); else by rank, as Jira lists priorities highest first (Blocker, Critical, Major…).
  const byRank = [...priorities].reverse();
  const priorityMap = priorities.flatMap((priority) => {
    const match = metadata.priorities.find((p) => same(p.name, priority)) ?? metadata.priorities[byRank.indexOf(priority)];
    return match ? [{ priority, jiraPriorityId: match.id, preferred: true }] : [];
  });
  return { projectKey, issueTypeId, fields: defaultFields(metadata), statusMap, priorityMap, userMap: [], conflictPolicy: "newest_wins" };
}
