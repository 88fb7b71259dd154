import type { Actor } from "../commands/deps.ts";
import { issueNotFound, JiraHttpError, notAuthenticated } from "../http/errors.ts";
import type { SimContext } from "../http/router.ts";
import type { ApiVersion, SimIssue, SimProject, SimUser } from "../model/types.ts";
import type { SimRuntime } from "../runtime.ts";

export function requireUser(c: SimContext): SimUser {
  const user = c.get("user");
  if (!user) throw notAuthenticated();
  return user;
}

export function restActor(c: SimContext, version: ApiVersion): Actor {
  return { user: requireUser(c), origin: "rest", version };
}

export function canBrowse(runtime: SimRuntime, user: SimUser, projectId: string): boolean {
  return runtime.store.hasProjectPermission(user, projectId, "BROWSE_PROJECTS");
}

/** Browse Projects in the issue's project and, when it has a security level, membership of that level. */
export function canSeeIssue(runtime: SimRuntime, user: SimUser, issue: SimIssue): boolean {
  return canBrowse(runtime, user, issue.projectId) && runtime.store.mayViewSecuredIssue(user, issue);
}

/** Jira answers a hidden issue (no Browse Projects, or an issue security level) exactly like a missing one. */
export function visibleIssue(runtime: SimRuntime, user: SimUser, idOrKey: string): SimIssue {
  const issue = runtime.store.issueByIdOrKey(idOrKey);
  if (!issue || !canSeeIssue(runtime, user, issue)) throw issueNotFound();
  return issue;
}

export function visibleProject(runtime: SimRuntime, user: SimUser, idOrKey: string): SimProject {
  const project = runtime.store.projectByIdOrKey(idOrKey);
  if (!project || !canBrowse(runtime, user, project.id)) {
    throw new JiraHttpError(404, [`No project could be found with key '${idOrKey}'.`]);
  }
  return project;
}

export function requireAdmin(user: SimUser): void {
  if (!user.siteAdmin) throw new JiraHttpError(403, ["Only Jira administrators can access webhooks."]);
}

export function jsonResponse(body: unknown, status: 200 | 201 = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json;charset=UTF-8" } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
