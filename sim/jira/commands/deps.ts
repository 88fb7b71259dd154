import type { IssueEvents } from "../events/issue-events.ts";
import type { SiteEvents } from "../events/site-events.ts";
import type { SimStore } from "../model/store.ts";
import type { ApiVersion, ProjectPermissionKey, SimIssue, SimUser } from "../model/types.ts";
import { JiraHttpError } from "../http/errors.ts";

/** Who is acting and through which door: REST calls are permission-checked and counted, control calls are not. */
export type Actor = { user: SimUser; origin: "rest" | "control"; version: ApiVersion };

export class WriteCounter {
  private readonly byIssue = new Map<string, number>();
  record(issueKey: string): void {
    this.byIssue.set(issueKey, (this.byIssue.get(issueKey) ?? 0) + 1);
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.byIssue);
  }
  clear(): void {
    this.byIssue.clear();
  }
}

export type CommandDeps = {
  store: SimStore;
  events: IssueEvents;
  /** Sprint and issue-link webhooks (no issue in the body). */
  siteEvents: SiteEvents;
  writes: WriteCounter;
  now: () => number;
};

export function can(deps: CommandDeps, actor: Actor, projectId: string, permission: ProjectPermissionKey): boolean {
  return actor.origin === "control" || deps.store.hasProjectPermission(actor.user, projectId, permission);
}

export function countWrite(deps: CommandDeps, actor: Actor, issue: SimIssue): void {
  if (actor.origin === "rest") deps.writes.record(issue.key);
}

export function requirePermission(deps: CommandDeps, actor: Actor, projectId: string, permission: ProjectPermissionKey, message: string): void {
  if (!can(deps, actor, projectId, permission)) throw new JiraHttpError(403, [message]);
}
