import type { SimStore } from "../model/store.ts";
import type { SimIssue, SimUser } from "../model/types.ts";
import type { JqlIssue, JqlUserRef } from "../jql/types.ts";

export type JqlUserView = JqlUserRef;
export type JqlIssueView = JqlIssue;

export function jqlUser(store: SimStore, user: SimUser): JqlUserView {
  if (store.flavor === "cloud") return { accountId: user.accountId, displayName: user.displayName, email: user.email };
  return { name: user.name, key: user.key, displayName: user.displayName, email: user.email };
}

/** Views are cached per issue version, so a search over 100k issues does not rebuild them. */
export class JqlViews {
  private readonly cache = new Map<number, { version: number; view: JqlIssueView }>();
  constructor(private readonly store: SimStore) {}

  of(issue: SimIssue): JqlIssueView {
    const version = this.store.issueVersion(issue.id);
    const cached = this.cache.get(issue.id);
    if (cached && cached.version === version) return cached.view;
    const view = buildView(this.store, issue);
    this.cache.set(issue.id, { version, view });
    return view;
  }

  forget(issueId: number): void {
    this.cache.delete(issueId);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function buildView(store: SimStore, issue: SimIssue): JqlIssueView {
  const catalog = store.catalog;
  const status = catalog.statuses.find((candidate) => candidate.id === issue.statusId);
  const assignee = issue.assigneeKey === null ? undefined : store.userByKey(issue.assigneeKey);
  return {
    id: String(issue.id),
    key: issue.key,
    projectKey: store.projectOf(issue).key,
    issueType: catalog.issueTypes.find((type) => type.id === issue.issueTypeId)?.name ?? "",
    parentKey: issue.parentId === null ? null : (store.issues.get(issue.parentId)?.key ?? null),
    epicLinkKey: issue.epicLinkId === null ? null : (store.issues.get(issue.epicLinkId)?.key ?? null),
    status: status?.name ?? "",
    statusCategory: status?.category ?? "new",
    assignee: assignee ? jqlUser(store, assignee) : null,
    labels: issue.labels,
    summary: issue.summary,
    created: new Date(issue.created),
    updated: new Date(issue.updated),
    priority: catalog.priorities.find((priority) => priority.id === issue.priorityId)?.name ?? null,
  };
}
