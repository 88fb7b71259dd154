import type { OpenAPIHono } from "@hono/zod-openapi";
import { listStatuses, replaceStatuses } from "../../../commands/statuses.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { listStatusesRoute, replaceStatusesRoute } from "./schema.ts";

export function registerStatusRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listStatusesRoute, async (c) => {
    const membership = requireMembership(c.get("membership"));
    return c.json({ statuses: await listStatuses(deps.db, membership.workspaceId) }, 200);
  });

  mount(app, deps, replaceStatusesRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    const statuses = await replaceStatuses(deps.db, actor.userId, membership.workspaceId, c.req.valid("json").statuses);
    return c.json({ statuses }, 200);
  });
}
