import { badRequest, JiraHttpError } from "../http/errors.ts";
import { queryInt } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import { statusCategories, undefinedStatusCategory } from "../model/catalog.ts";
import { isProjectPermission, permissionDefs, permissionsByKey } from "../model/permissions.ts";
import type { ApiVersion, PermissionKey, SimUser } from "../model/types.ts";
import { apiBase } from "../render/context.ts";
import { parseExpand } from "../render/field-selection.ts";
import {
  renderField,
  renderIssueType,
  renderLinkType,
  renderProject,
  renderResolution,
  renderStatus,
} from "../render/meta.ts";
import { jiraDateTime } from "../render/time.ts";
import { renderMyself } from "../render/users.ts";
import type { SimRuntime } from "../runtime.ts";
import { canBrowse, canSeeIssue, jsonResponse, requireUser, visibleProject } from "./helpers.ts";
import { param } from "../http/request.ts";

/** Server info, myself, projects and the site's configuration (types, statuses, fields, …). */
export function registerMetaRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);
  const cloud = runtime.site.flavor === "cloud";

  routes.get(`${base}/serverInfo`, () => {
    const now = Date.now();
    const dcVersion = runtime.site.version === 10 ? [10, 3, 1] : [9, 12, 5];
    const versionNumbers = cloud ? [1001, 0, 0] : dcVersion;
    return jsonResponse({
      baseUrl: runtime.site.baseUrl,
      ...(cloud ? { displayUrl: runtime.site.baseUrl } : {}),
      version: cloud ? "1001.0.0-SNAPSHOT" : versionNumbers.join("."),
      versionNumbers,
      deploymentType: cloud ? "Cloud" : "Server",
      buildNumber: cloud ? 100276 : 9120005,
      buildDate: jiraDateTime(Date.UTC(2025, 0, 15)),
      serverTime: jiraDateTime(now),
      scmInfo: "3b9a2f4c7e1d0a8b6c5d4e3f2a1b0c9d8e7f6a5b",
      serverTitle: "Jira",
      ...(cloud ? {} : { serverTimeZone: "UTC" }),
    });
  });

  routes.get(`${base}/myself`, (c) => jsonResponse(renderMyself(ctx(), requireUser(c))));

  routes.get(`${base}/mypermissions`, (c) => {
    const user = requireUser(c);
    const requested = c.req.query("permissions");
    if (cloud && (requested === undefined || requested.trim() === "")) {
      throw badRequest(["The 'permissions' query parameter is required and must contain at least one permission key."]);
    }
    const keys = requested ? requested.split(",").map((key) => key.trim()).filter(Boolean) : null;
    return jsonResponse(permissionReport(runtime, user, keys, c.req.query("projectKey") ?? c.req.query("projectId"), c.req.query("issueKey") ?? c.req.query("issueId")));
  });

  routes.get(`${base}/project`, (c) => {
    const user = requireUser(c);
    const expand = parseExpand([c.req.query("expand")]);
    const projects = [...runtime.store.projects.values()].filter((project) => canBrowse(runtime, user, project.id));
    return jsonResponse(projects.map((project) => renderProject(ctx(), project, expand)));
  });

  if (cloud) {
    routes.get(`${base}/project/search`, (c) => {
      const user = requireUser(c);
      const startAt = queryInt(c, "startAt", 0);
      const maxResults = Math.min(queryInt(c, "maxResults", 50), 100);
      const keys = new Set((c.req.queries("keys") ?? []).flatMap((value) => value.split(",")));
      const text = (c.req.query("query") ?? "").toLowerCase();
      const expand = parseExpand([c.req.query("expand")]);
      const projects = [...runtime.store.projects.values()]
        .filter((project) => canBrowse(runtime, user, project.id))
        .filter((project) => keys.size === 0 || keys.has(project.key))
        .filter((project) => text === "" || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text))
        .sort((a, b) => a.key.localeCompare(b.key));
      const page = projects.slice(startAt, startAt + maxResults);
      const isLast = startAt + page.length >= projects.length;
      const self = `${apiBase(ctx())}/project/search?startAt=${startAt}&maxResults=${maxResults}`;
      return jsonResponse({
        self,
        ...(isLast ? {} : { nextPage: `${apiBase(ctx())}/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
        maxResults,
        startAt,
        total: projects.length,
        isLast,
        values: page.map((project) => renderProject(ctx(), project, expand)),
      });
    });
  }

  routes.get(`${base}/project/:projectIdOrKey`, (c) => {
    const project = visibleProject(runtime, requireUser(c), param(c, "projectIdOrKey"));
    return jsonResponse(renderProject(ctx(), project, new Set(["issueTypes"])));
  });

  routes.get(`${base}/project/:projectIdOrKey/statuses`, (c) => {
    const project = visibleProject(runtime, requireUser(c), param(c, "projectIdOrKey"));
    const scheme = runtime.store.schemeOf(project.id);
    const statuses = scheme.statuses.map((status) => renderStatus(ctx(), status, { withScope: true }));
    return jsonResponse(
      scheme.issueTypes.map((type) => ({ self: `${apiBase(ctx())}/issuetype/${type.id}`, id: type.id, name: type.name, subtask: type.subtask, statuses })),
    );
  });

  // Every type the user can see: the site's, and those of the team-managed projects they browse.
  const visibleTypes = (user: SimUser) => runtime.store.catalog.issueTypes.filter((type) => type.scopeProjectId === undefined || canBrowse(runtime, user, type.scopeProjectId));
  routes.get(`${base}/issuetype`, (c) => {
    const user = requireUser(c);
    return jsonResponse(visibleTypes(user).map((type) => renderIssueType(ctx(), type, { withScope: true })));
  });
  if (cloud) {
    // Registered before `/issuetype/:id`. Jira answers 404 for a project the user cannot browse.
    routes.get(`${base}/issuetype/project`, (c) => {
      const user = requireUser(c);
      const projectId = c.req.query("projectId") ?? "";
      const project = /^\d+$/.test(projectId) ? runtime.store.projects.get(projectId) : undefined;
      if (!project || !canBrowse(runtime, user, project.id)) throw new JiraHttpError(404, [`Project with id '${projectId}' not found.`]);
      const level = c.req.query("level");
      const types = runtime.store.schemeOf(project.id).issueTypes.filter((type) => level === undefined || String(type.hierarchyLevel) === level);
      return jsonResponse(types.map((type) => renderIssueType(ctx(), type, { withScope: true })));
    });
  }
  routes.get(`${base}/issuetype/:id`, (c) => {
    const user = requireUser(c);
    const type = visibleTypes(user).find((candidate) => candidate.id === param(c, "id"));
    if (!type) throw new JiraHttpError(404, ["The issue type with id '" + param(c, "id") + "' does not exist."]);
    return jsonResponse(renderIssueType(ctx(), type, { withScope: true }));
  });

  routes.get(`${base}/field`, (c) => {
    requireUser(c);
    return jsonResponse(runtime.store.catalog.fields.map((field) => renderField(field, runtime.site.flavor)));
  });
  routes.get(`${base}/resolution`, (c) => {
    requireUser(c);
    return jsonResponse(runtime.store.catalog.resolutions.map((resolution) => renderResolution(ctx(), resolution)));
  });
  routes.get(`${base}/status`, (c) => {
    requireUser(c);
    return jsonResponse(runtime.store.catalog.statuses.map((status) => renderStatus(ctx(), status, { withScope: cloud })));
  });
  routes.get(`${base}/statuscategory`, (c) => {
    requireUser(c);
    const categories = [undefinedStatusCategory, statusCategories.new, statusCategories.done, statusCategories.indeterminate];
    return jsonResponse(categories.map((category) => ({ self: `${apiBase(ctx())}/statuscategory/${category.id}`, ...category })));
  });
  routes.get(`${base}/issueLinkType`, (c) => {
    requireUser(c);
    return jsonResponse({ issueLinkTypes: runtime.store.catalog.linkTypes.map((type) => renderLinkType(ctx(), type)) });
  });
  routes.get(`${base}/issueLinkType/:id`, (c) => {
    requireUser(c);
    const type = runtime.store.catalog.linkTypes.find((candidate) => candidate.id === param(c, "id"));
    if (!type) throw new JiraHttpError(404, [`No issue link type with id '${param(c, "id")}' found.`]);
    return jsonResponse(renderLinkType(ctx(), type));
  });
}

function permissionReport(runtime: SimRuntime, user: SimUser, keys: string[] | null, projectRef: string | undefined, issueRef: string | undefined) {
  let projectId: string | null = null;
  if (issueRef) {
    const issue = runtime.store.issueByIdOrKey(issueRef);
    if (!issue || !canSeeIssue(runtime, user, issue)) throw new JiraHttpError(404, ["Issue does not exist or you do not have permission to see it."]);
    projectId = issue.projectId;
  } else if (projectRef) {
    projectId = visibleProject(runtime, user, projectRef).id;
  }
  return buildPermissions(runtime, user, keys, projectId);
}

function buildPermissions(runtime: SimRuntime, user: SimUser, keys: string[] | null, projectId: string | null) {
  const definitions = keys
    ? keys.map((key) => {
        const definition = permissionsByKey.get(key as PermissionKey);
        if (!definition) throw badRequest([`Permission key '${key}' is invalid.`]);
        return definition;
      })
    : permissionDefs;
  const permissions: Record<string, unknown> = {};
  for (const definition of definitions) {
    let have: boolean;
    if (definition.type === "GLOBAL") have = user.siteAdmin || definition.key === "USER_PICKER" || definition.key === "CREATE_SHARED_OBJECTS";
    else if (!isProjectPermission(definition.key)) have = false;
    else if (projectId !== null) have = runtime.store.hasProjectPermission(user, projectId, definition.key);
    else {
      const key = definition.key;
      have = [...runtime.store.projects.keys()].some((id) => runtime.store.hasProjectPermission(user, id, key));
    }
    permissions[definition.key] = { id: definition.id, key: definition.key, name: definition.name, type: definition.type, description: definition.description, havePermission: have };
  }
  return { permissions };
}
