import type { OpenAPIHono } from "@hono/zod-openapi";
import { changeMemberRole, removeMember } from "../../../commands/workspaces.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { listMembers } from "../../../models/workspaces.ts";
import { listMembersRoute, removeMemberRoute, updateMemberRoute } from "./schema.ts";

export function registerMemberRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listMembersRoute, async (c) => {
    const membership = requireMembership(c.get("membership"));
    return c.json({ members: await listMembers(deps.db, membership.workspaceId) }, 200);
  });

  mount(app, deps, updateMemberRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    const { userId } = c.req.valid("param");
    const member = await changeMemberRole(deps.db, actor.userId, membership.workspaceId, userId, c.req.valid("json").role);
    return c.json({ member }, 200);
  });

  mount(app, deps, removeMemberRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    await removeMember(deps.db, actor.userId, membership.workspaceId, c.req.valid("param").userId);
    return c.body(null, 204);
  });
}
