import { badRequest } from "../http/errors.ts";
import { queryInt, queryList } from "../http/request.ts";
import type { RouteTable, SimContext } from "../http/router.ts";
import type { ApiVersion, PriorityDef } from "../model/types.ts";
import { renderPriorityFull } from "../render/meta.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, requireUser } from "./helpers.ts";

/** Cloud's page size cap for `priority/search` (the document gives none; 50 is its default). */
const maxPageSize = 50;

function queryBoolean(c: SimContext, name: string): boolean {
  const raw = c.req.query(name);
  if (raw === undefined || raw === "") return false;
  if (raw === "true" || raw === "false") return raw === "true";
  throw badRequest([`The value '${raw}' is invalid for the parameter '${name}'.`]);
}

/**
 * The priority list (both flavours) and Cloud's paged `priority/search`, which replaced it
 * there. Data Center has no `priority/search`: there it is a 404 like any unknown path.
 */
export function registerPriorityRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);

  routes.get(`${base}/priority`, (c) => {
    requireUser(c);
    return jsonResponse(runtime.store.catalog.priorities.map((priority) => renderPriorityFull(ctx(), priority)));
  });

  if (runtime.site.flavor !== "cloud") return;
  routes.get(`${base}/priority/search`, (c) => {
    requireUser(c);
    const startAt = Math.max(0, queryInt(c, "startAt", 0));
    const maxResults = Math.min(Math.max(0, queryInt(c, "maxResults", maxPageSize)), maxPageSize);
    // Unknown ids are ignored, as documented; every project uses the one priority scheme here,
    // so `projectId` narrows nothing.
    const ids = new Set(queryList(c, "id").flatMap((value) => value.split(",")).map((id) => id.trim()).filter(Boolean));
    const name = (c.req.query("priorityName") ?? "").trim().toLowerCase();
    const onlyDefault = queryBoolean(c, "onlyDefault");
    const catalog = runtime.store.catalog;
    const matches = (priority: PriorityDef) =>
      (ids.size === 0 || ids.has(priority.id)) &&
      (name === "" || priority.name.toLowerCase().includes(name)) &&
      (!onlyDefault || priority.id === catalog.defaultPriorityId);
    const priorities = catalog.priorities.filter(matches);
    const page = priorities.slice(startAt, startAt + maxResults);
    return jsonResponse({
      maxResults,
      startAt,
      total: priorities.length,
      isLast: startAt + page.length >= priorities.length,
      values: page.map((priority) => renderPriorityFull(ctx(), priority)),
    });
  });
}
