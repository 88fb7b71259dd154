import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "../../../commands/invitations.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import {
  acceptInvitationRoute,
  createInvitationRoute,
  listInvitationsRoute,
  previewInvitationRoute,
  revokeInvitationRoute,
} from "./schema.ts";

export function registerInvitationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listInvitationsRoute, async (c) => {
    const membership = requireMembership(c.get("membership"));
    return c.json({ invitations: await listInvitations(deps.db, membership.workspaceId) }, 200);
  });

  mount(app, deps, createInvitationRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    const body = c.req.valid("json");
    const created = await createInvitation(deps.db, deps.secretBox, {
      workspaceId: membership.workspaceId,
      actorId: actor.userId,
      role: body.role,
      ...(body.email === undefined ? {} : { email: body.email }),
      ...(body.expiresInDays === undefined ? {} : { expiresInDays: body.expiresInDays }),
      baseUrl: deps.env.PUBLIC_URL ?? new URL(c.req.url).origin,
    });
    return c.json(created, 201);
  });

  mount(app, deps, revokeInvitationRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    await revokeInvitation(deps.db, actor.userId, membership.workspaceId, c.req.valid("param").invitationId);
    return c.body(null, 204);
  });

  mount(app, deps, previewInvitationRoute, async (c) => c.json(await previewInvitation(deps.db, c.req.valid("param").token), 200));

  mount(app, deps, acceptInvitationRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    return c.json({ workspace: await acceptInvitation(deps.db, c.req.valid("param").token, actor.userId) }, 200);
  });
}
