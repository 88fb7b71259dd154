import type { FieldRoles, JiraField, JiraIssueType, JiraPriority, JiraStatus, ProjectIssueTypeStatuses } from "../client/types.ts";

/** What mapping defaults and checks need from the cached Jira metadata. */
export type SyncMetadata = {
  fields: Array<Pick<JiraField, "id" | "name" | "custom" | "schema">>;
  fieldRoles: FieldRoles;
  priorities: JiraPriority[];
  statuses: JiraStatus[];
  projects: Record<string, { issueTypes: JiraIssueType[]; epicTypeId: string | null; statuses: ProjectIssueTypeStatuses[] }>;
};

/** Statuses an issue of this type can be in, in this project (all statuses when the project's list is unknown). */
export function statusesFor(metadata: SyncMetadata, projectKey: string, issueTypeId: string): JiraStatus[] {
  const perType = metadata.projects[projectKey]?.statuses.find((s) => s.issueTypeId === issueTypeId);
  return perType?.statuses ?? metadata.statuses;
}
