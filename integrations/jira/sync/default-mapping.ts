import type { FieldMappingEntry, JiraMapping, ProjectMapping, StatusMapEntry, SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { Priority } from "../../../common/contracts/use-cases.ts";
import type { StatusCategory } from "../../../common/contracts/workspaces.ts";
import { statusesFor, type SyncMetadata } from "./mapping-metadata.ts";
import { fieldExistsIn, storyPointsFieldOf, wsjfFieldOf } from "./project-mapping.ts";

export type TetherStatus = { id: string; name: string; category: string };

/** Tether category → Jira status category; stopped (Rejected, Cancelled) is closed, so Jira's done. */
const jiraCategoryOf: Record<StatusCategory, string> & Record<string, string | undefined> = { todo: "new", in_progress: "indeterminate", done: "done", stopped: "done" };
const priorities: Priority[] = ["lowest", "low", "medium", "high", "highest"];
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function defaultFields(metadata: SyncMetadata, projectKeys: readonly string[]): FieldMappingEntry[] {
  const fields: FieldMappingEntry[] = [
    { tetherField: "title", jiraField: "summary", direction: "both" },
    { tetherField: "description", jiraField: "description", direction: "both" },
    { tetherField: "status", jiraField: "status", direction: "both" },
    { tetherField: "assignee", jiraField: "assignee", direction: "both" },
    { tetherField: "priority", jiraField: "priority", direction: "both" },
  ];
  // The default project's field first; else another project's (the default one then leaves it out).
  const first = (find: (key: string) => string | null) => projectKeys.map(find).find((id) => id !== null) ?? null;
  const storyPoints = projectKeys.length > 0 ? first((key) => storyPointsFieldOf(metadata, key)) : metadata.fieldRoles.storyPoints;
  if (storyPoints) fields.push({ tetherField: "storyPoints", jiraField: storyPoints, direction: "both" });
  const wsjf = projectKeys.length > 0 ? first((key) => wsjfFieldOf(metadata, key)) : (metadata.fields.find((f) => f.custom && f.schema?.type === "number" && /wsjf/i.test(f.name))?.id ?? null);
  if (wsjf) fields.push({ tetherField: "wsjf", jiraField: wsjf, direction: "to_jira" });
  const add = (tetherField: SyncField, jiraField: string) => {
    if (metadata.fields.some((f) => f.id === jiraField)) fields.push({ tetherField, jiraField, direction: "both" });
  };
  add("targetDate", "duedate");
  add("tags", "labels");
  return fields;
}

function defaultStatusMap(metadata: SyncMetadata, projectKey: string, issueTypeId: string, tetherStatuses: readonly TetherStatus[]): StatusMapEntry[] {
  const jiraStatuses = statusesFor(metadata, projectKey, issueTypeId);
  const usedJiraStatuses = new Set<string>();
  return tetherStatuses.flatMap((status) => {
    const match = jiraStatuses.find((j) => same(j.name, status.name)) ?? jiraStatuses.find((j) => j.categoryKey === jiraCategoryOf[status.category]);
    if (!match) return [];
    const preferred = !usedJiraStatuses.has(match.id);
    usedJiraStatuses.add(match.id);
    return [{ tetherStatusId: status.id, jiraStatusId: match.id, preferred }];
  });
}

const epicTypeOf = (metadata: SyncMetadata, projectKey: string) => {
  const project = metadata.projectDetails[projectKey];
  return project?.epicTypeId ?? project?.issueTypes[0]?.id ?? "";
};

/**
 * Per project, what differs from the workspace-wide mapping: a field it has under another id
 * (a team-managed project's own "Story point estimate"), a field it lacks (null: not synced there,
 * and said so), and — for the other projects — their Epic type and status map.
 */
function projectOverrides(metadata: SyncMetadata, base: JiraMapping, tetherStatuses: readonly TetherStatus[]): ProjectMapping[] {
  return Object.keys(metadata.projectDetails).flatMap((projectKey): ProjectMapping[] => {
    const fields = base.fields.flatMap((entry) => {
      const own = entry.tetherField === "storyPoints" ? storyPointsFieldOf(metadata, projectKey) : fieldExistsIn(metadata, projectKey, entry.jiraField) ? entry.jiraField : null;
      return own === entry.jiraField ? [] : [{ tetherField: entry.tetherField, jiraField: own }];
    });
    if (projectKey === base.projectKey) return fields.length > 0 ? [{ projectKey, fields, statusMap: [] }] : [];
    const issueTypeId = epicTypeOf(metadata, projectKey);
    const ids = (key: string, type: string) => statusesFor(metadata, key, type).map((s) => s.id).join(",");
    const sameStatuses = ids(projectKey, issueTypeId) === ids(base.projectKey, base.issueTypeId);
    return [{ projectKey, issueTypeId, fields, statusMap: sameStatuses ? [] : defaultStatusMap(metadata, projectKey, issueTypeId, tetherStatuses) }];
  });
}

/**
 * The proposed mapping for a workspace that has none: the project's Epic type, the usual field
 * pairs, statuses matched by name (else by category), priorities by name; and for every other
 * project of the connection what differs there (its Epic type, statuses and fields).
 */
export function defaultMapping(metadata: SyncMetadata, projectKey: string, tetherStatuses: readonly TetherStatus[]): JiraMapping {
  const issueTypeId = epicTypeOf(metadata, projectKey);
  const projectKeys = [projectKey, ...Object.keys(metadata.projectDetails).filter((key) => key !== projectKey)].filter((key) => metadata.projectDetails[key]);
  const statusMap = defaultStatusMap(metadata, projectKey, issueTypeId, tetherStatuses);
  // By name (Cloud's Highest…Lowest); else by rank, as Jira lists priorities highest first (Blocker, Critical, Major…).
  const byRank = [...priorities].reverse();
  const priorityMap = priorities.flatMap((priority) => {
    const match = metadata.priorities.find((p) => same(p.name, priority)) ?? metadata.priorities[byRank.indexOf(priority)];
    return match ? [{ priority, jiraPriorityId: match.id, preferred: true }] : [];
  });
  const base: JiraMapping = { projectKey, issueTypeId, fields: defaultFields(metadata, projectKeys), statusMap, priorityMap, userMap: [], conflictPolicy: "newest_wins" };
  const projects = projectOverrides(metadata, base, tetherStatuses);
  return projects.length > 0 ? { ...base, projects } : base;
}

/**
 * A saved mapping, plus the proposed entry of every connected project it does not map yet (one
 * added to the connection after the mapping was saved): shown with the mapping, kept by saving it.
 */
export function withNewProjects(saved: JiraMapping, metadata: SyncMetadata, tetherStatuses: readonly TetherStatus[]): JiraMapping {
  const mapped = new Set([saved.projectKey, ...(saved.projects ?? []).map((entry) => entry.projectKey)]);
  const added = projectOverrides(metadata, saved, tetherStatuses).filter((entry) => !mapped.has(entry.projectKey));
  return added.length > 0 ? { ...saved, projects: [...(saved.projects ?? []), ...added] } : saved;
}
