import { badRequest, JiraHttpError } from "../http/errors.ts";
import { queryInt } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion, SimUser } from "../model/types.ts";
import { renderUser } from "../render/users.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, requireUser, visibleProject } from "./helpers.ts";

/**
 * Cloud matches names, and emails only of users who show them (or an exact address);
 * Data Center matches username, display name and email.
 */
function matchesQuery(runtime: SimRuntime, user: SimUser, query: string): boolean {
  const needle = query.toLowerCase();
  const words = user.displayName.toLowerCase().split(/\s+/);
  if (words.some((word) => word.startsWith(needle)) || user.displayName.toLowerCase().startsWith(needle)) return true;
  if (runtime.site.flavor === "cloud") return user.email.toLowerCase() === needle || (user.emailVisible && user.email.toLowerCase().startsWith(needle));
  return user.name.toLowerCase().startsWith(needle) || user.email.toLowerCase().startsWith(needle);
}

export function registerUserRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);
  const cloud = runtime.site.flavor === "cloud";
  const activeUsers = () => [...runtime.store.users.values()].filter((user) => user.active && user.accountType === "atlassian");

  routes.get(`${base}/user`, (c) => {
    requireUser(c);
    const user = cloud
      ? runtime.store.userByAccountId(c.req.query("accountId") ?? "")
      : (runtime.store.userByName(c.req.query("username") ?? "") ?? runtime.store.userByKey(c.req.query("key") ?? ""));
    if (!user) {
      const ref = cloud ? c.req.query("accountId") : (c.req.query("username") ?? c.req.query("key"));
      if (!ref) throw badRequest([cloud ? "The accountId query parameter needs to be provided" : "The username query parameter was not provided"]);
      throw new JiraHttpError(404, [cloud ? `Specified user does not exist or you do not have required permissions` : `The user named '${ref}' does not exist`]);
    }
    return jsonResponse(renderUser(ctx(), user));
  });

  routes.get(`${base}/user/search`, (c) => {
    requireUser(c);
    const query = cloud ? c.req.query("query") : (c.req.query("username") ?? c.req.query("query"));
    const accountId = c.req.query("accountId");
    if (cloud && query !== undefined && accountId !== undefined) throw badRequest(["The query parameter and accountId parameter cannot both be provided."]);
    if (!query && !accountId) throw badRequest([cloud ? "One of 'query' or 'accountId' query parameters must be provided." : "The username query parameter was not provided"]);
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 1000);
    const found = activeUsers().filter((user) => (accountId ? user.accountId === accountId : matchesQuery(runtime, user, query ?? "")));
    return jsonResponse(found.slice(startAt, startAt + maxResults).map((user) => renderUser(ctx(), user)));
  });

  routes.get(`${base}/user/assignable/search`, (c) => {
    const caller = requireUser(c);
    const projectRef = c.req.query("project");
    const issueRef = c.req.query("issueKey");
    const projectId = projectRef
      ? visibleProject(runtime, caller, projectRef).id
      : issueRef
        ? runtime.store.issueByIdOrKey(issueRef)?.projectId
        : undefined;
    if (!projectId) throw badRequest(["The project or issueKey parameter needs to be provided."]);
    // Cloud matches `query` (its `username` is gone, GDPR); Data Center names the search string `username`.
    const query = (cloud ? c.req.query("query") : (c.req.query("username") ?? c.req.query("query"))) ?? "";
    const found = activeUsers()
      .filter((user) => runtime.store.hasProjectPermission(user, projectId, "ASSIGNABLE_USER"))
      .filter((user) => query === "" || matchesQuery(runtime, user, query));
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 1000);
    return jsonResponse(found.slice(startAt, startAt + maxResults).map((user) => renderUser(ctx(), user)));
  });
}
