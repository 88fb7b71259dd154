import type { OpenAPIHono } from "@hono/zod-openapi";
import { createWorkspace, renameWorkspace } from "../../../commands/workspaces.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { getWorkspace, listWorkspacesOf } from "../../../models/workspaces.ts";
import { createWorkspaceRoute, getWorkspaceRoute, listWorkspacesRoute, updateWorkspaceRoute } from "./schema.ts";

export function registerWorkspaceRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listWorkspacesRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    return c.json({ workspaces: await listWorkspacesOf(deps.db, actor.userId) }, 200);
  });

  mount(app, deps, createWorkspaceRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    return c.json({ workspace: await createWorkspace(deps.db, actor.userId, c.req.valid("json").name) }, 201);
  });

  mount(app, deps, getWorkspaceRoute, async (c) => {
    const membership = requireMembership(c.get("membership"));
    const workspace = await getWorkspace(deps.db, membership.workspaceId);
    return c.json({ workspace: { ...workspace, role: membership.role } }, 200);
  });

  mount(app, deps, updateWorkspaceRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    await renameWorkspace(deps.db, actor.userId, membership.workspaceId, c.req.valid("json").name);
    const workspace = await getWorkspace(deps.db, membership.workspaceId);
    return c.json({ workspace: { ...workspace, role: membership.role } }, 200);
  });
}
