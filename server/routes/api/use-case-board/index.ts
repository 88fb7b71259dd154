import type { OpenAPIHono } from "@hono/zod-openapi";
import { moveUseCaseOnBoard } from "../../../commands/use-case-board.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { moveOnBoardRoute } from "./schema.ts";

export function registerUseCaseBoardRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, moveOnBoardRoute, async (c) => {
    const actor = requireActor(c.get("actor"));
    const membership = requireMembership(c.get("membership"));
    const caller = { userId: actor.userId, role: membership.role, workspaceId: membership.workspaceId };
    const useCase = await moveUseCaseOnBoard(deps.db, caller, c.req.valid("param").useCaseId, c.req.valid("json"));
    return c.json({ useCase }, 200);
  });
}
