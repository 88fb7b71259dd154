import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { filterPlanningCardsByAssignee, listPlanningAssignees } from "../../../commands/planning/assignee-filter.ts";
import type { PlanningCaller } from "../../../commands/planning/access.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { filterByAssigneeRoute, listAssigneesRoute } from "./assignee-schema.ts";

/** The board's assignee filter (ADR 0016): thin handlers over server/commands/planning/assignee-filter.ts. */
export function registerPlanningAssigneeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps, callerOf: (c: Context<AppEnv>) => PlanningCaller): void {
  mount(app, deps, listAssigneesRoute, async (c) => c.json(await listPlanningAssignees(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("query").query), 200));

  mount(app, deps, filterByAssigneeRoute, async (c) => c.json(await filterPlanningCardsByAssignee(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("query")), 200));
}
