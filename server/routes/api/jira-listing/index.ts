import type { OpenAPIHono } from "@hono/zod-openapi";
import { listEpicIssues } from "../../../commands/jira/epic-listing.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { epicIssuesRoute } from "./schema.ts";

export function registerJiraListingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, epicIssuesRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    const caller = { userId: actor.userId, role: membership.role, workspaceId: membership.workspaceId };
    return c.json(await listEpicIssues(deps, caller, c.req.valid("param").useCaseId, c.req.valid("query")), 200);
  });
}
