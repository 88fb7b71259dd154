import type { OpenAPIHono } from "@hono/zod-openapi";
import { connectionHealthOf } from "../../../../common/contracts/jira-health.ts";
import { requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { findConnection } from "../../../models/jira-connections.ts";
import { presentConnection } from "../../../presenters/jira-connection.ts";
import { getHealthRoute } from "./health-schema.ts";

export function registerJiraHealthRoute(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, getHealthRoute, async (c) => {
    const row = await findConnection(deps.db, requireMembership(c.get("membership")).workspaceId);
    return c.json({ health: connectionHealthOf(row ? presentConnection(row) : null) }, 200);
  });
}
