import type { OpenAPIHono } from "@hono/zod-openapi";
import { notFound } from "../../../errors.ts";
import { requireActor } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../models/api-tokens.ts";
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from "./schema.ts";

export function registerTokenRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listTokensRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    return c.json({ tokens: await listApiTokens(deps.db, actor.userId) }, 200);
  });

  mount(app, deps, createTokenRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    return c.json(await createApiToken(deps.db, actor.userId, c.req.valid("json").name), 201);
  });

  mount(app, deps, revokeTokenRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!(await revokeApiToken(deps.db, actor.userId, c.req.valid("param").tokenId))) throw notFound("Token");
    return c.body(null, 204);
  });
}
