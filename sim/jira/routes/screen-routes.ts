import { JiraHttpError } from "../http/errors.ts";
import { param, queryInt } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion } from "../model/types.ts";
import { renderScreenField } from "../render/screen-meta.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, requireUser, visibleIssue, visibleProject } from "./helpers.ts";

/**
 * Screens as Jira describes them: `editmeta` (the edit screen of an issue, empty without Edit
 * Issues) and the paged `createmeta/{project}/issuetypes/{id}` (Cloud, and Data Center 9+).
 */
export function registerScreenRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);
  const cloud = runtime.site.flavor === "cloud";

  routes.get(`${base}/issue/:issueIdOrKey/editmeta`, (c) => {
    const user = requireUser(c);
    const issue = visibleIssue(runtime, user, param(c, "issueIdOrKey"));
    const project = runtime.store.projectOf(issue);
    const fields: Record<string, unknown> = {};
    if (runtime.store.hasProjectPermission(user, project.id, "EDIT_ISSUES")) {
      for (const entry of runtime.store.screensFor(project.id, issue.issueTypeId).edit) {
        const rendered = renderScreenField(ctx(), entry, "edit", project, issue.issueTypeId);
        if (rendered) fields[entry.fieldId] = rendered;
      }
    }
    return jsonResponse({ fields });
  });

  routes.get(`${base}/issue/createmeta/:projectIdOrKey/issuetypes/:issueTypeId`, (c) => {
    const user = requireUser(c);
    const project = visibleProject(runtime, user, param(c, "projectIdOrKey"));
    const issueTypeId = param(c, "issueTypeId");
    if (!runtime.store.schemeOf(project.id).issueTypes.some((type) => type.id === issueTypeId)) {
      throw new JiraHttpError(404, [`Issue type with id '${issueTypeId}' not found in project '${project.key}'.`]);
    }
    const startAt = Math.max(0, queryInt(c, "startAt", 0));
    const maxResults = Math.max(0, Math.min(queryInt(c, "maxResults", 50), 200));
    const all = runtime.store.hasProjectPermission(user, project.id, "CREATE_ISSUES")
      ? runtime.store.screensFor(project.id, issueTypeId).create.flatMap((entry) => renderScreenField(ctx(), entry, "create", project, issueTypeId) ?? [])
      : [];
    const page = all.slice(startAt, startAt + maxResults);
    if (cloud) return jsonResponse({ maxResults, startAt, total: all.length, fields: page });
    return jsonResponse({ maxResults, startAt, total: all.length, isLast: startAt + page.length >= all.length, values: page });
  });
}
