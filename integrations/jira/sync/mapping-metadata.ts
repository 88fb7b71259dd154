import type { JiraMetadata, JiraStatusMeta } from "../../../common/contracts/jira-metadata.ts";

/** What mapping defaults and checks need from the cached Jira metadata. */
export type SyncMetadata = Pick<JiraMetadata, "fields" | "fieldRoles" | "priorities" | "statuses" | "projectDetails">;

/** Statuses an issue of this type can be in, in this project (all statuses when the project's list is unknown). */
export function statusesFor(metadata: SyncMetadata, projectKey: string, issueTypeId: string): JiraStatusMeta[] {
  const perType = metadata.projectDetails[projectKey]?.statuses.find((s) => s.issueTypeId === issueTypeId);
  return perType?.statuses ?? metadata.statuses;
}
