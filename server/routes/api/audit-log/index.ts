import type { OpenAPIHono } from "@hono/zod-openapi";
import { requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { listAudit } from "../../../models/audit-log.ts";
import { listAuditLogRoute } from "./schema.ts";

export function registerAuditLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listAuditLogRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    return c.json(await listAudit(deps.db, requireMembership(c.get("membership")).workspaceId, { before: cursor, limit }), 200);
  });
}
