import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { presentPis, readBoard, readVersion } from "../../../commands/planning/board.ts";
import { authorisePlanning, requirePi } from "../../../commands/planning/access.ts";
import { createCard, deleteCard, editCard } from "../../../commands/planning/cards.ts";
import { createDependency, removeDependency } from "../../../commands/planning/dependencies.ts";
import { moveCard } from "../../../commands/planning/move-card.ts";
import { readPiResync, startPiResync } from "../../../commands/planning/resync-job.ts";
import { createPi, createPiSprint } from "../../../commands/planning/setup.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { listPis } from "../../../models/planning.ts";
import * as routes from "./schema.ts";
import { registerPlanningAssigneeRoutes } from "./assignees.ts";

function callerOf(c: Context<AppEnv>) {
  const actor = requireActor(c.get("actor"));
  const membership = requireMembership(c.get("membership"));
  return { userId: actor.userId, role: membership.role, workspaceId: membership.workspaceId };
}

/** PI planning (BRIEF J, docs/adr/0012-planning.md): thin handlers over server/commands/planning. */
export function registerPlanningRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerPlanningAssigneeRoutes(app, deps, callerOf);
  mount(app, deps, routes.listPisRoute, async (c) => {
    const caller = callerOf(c);
    authorisePlanning(caller, "planning.view");
    return c.json({ pis: await presentPis(deps, await listPis(deps.db, caller.workspaceId)) }, 200);
  });

  mount(app, deps, routes.createPiRoute, async (c) => {
    const caller = callerOf(c);
    const piId = await createPi(deps, caller, c.req.valid("json"));
    const [presented] = await presentPis(deps, [await requirePi(deps, caller, piId)]);
    if (!presented) throw new Error("created PI vanished");
    return c.json(presented, 201);
  });

  mount(app, deps, routes.getBoardRoute, async (c) => c.json(await readBoard(deps, callerOf(c), c.req.valid("param").piId), 200));

  mount(app, deps, routes.getVersionRoute, async (c) => c.json(await readVersion(deps, callerOf(c), c.req.valid("param").piId), 200));

  mount(app, deps, routes.resyncPiRoute, async (c) => c.json(await startPiResync(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("query").teamId), 202));

  mount(app, deps, routes.getResyncRoute, async (c) => {
    const { piId, jobId } = c.req.valid("param");
    return c.json(await readPiResync(deps, callerOf(c), piId, jobId), 200);
  });

  mount(app, deps, routes.createSprintRoute, async (c) => c.json(await createPiSprint(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("json")), 201));

  mount(app, deps, routes.moveCardRoute, async (c) => {
    const { piId, issueKey } = c.req.valid("param");
    return c.json(await moveCard(deps, callerOf(c), piId, issueKey, c.req.valid("json")), 200);
  });

  mount(app, deps, routes.createCardRoute, async (c) => {
    const card = await createCard(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("json"));
    return c.json({ issueKey: card.issueKey, issueId: card.issueId }, 201);
  });

  mount(app, deps, routes.editCardRoute, async (c) => {
    const { piId, issueKey } = c.req.valid("param");
    return c.json(await editCard(deps, callerOf(c), piId, issueKey, c.req.valid("json")), 200);
  });

  mount(app, deps, routes.deleteCardRoute, async (c) => {
    const { piId, issueKey } = c.req.valid("param");
    return c.json(await deleteCard(deps, callerOf(c), piId, issueKey), 200);
  });

  mount(app, deps, routes.createDependencyRoute, async (c) => c.json(await createDependency(deps, callerOf(c), c.req.valid("param").piId, c.req.valid("json")), 201));

  mount(app, deps, routes.removeDependencyRoute, async (c) => {
    const { piId, linkId } = c.req.valid("param");
    await removeDependency(deps, callerOf(c), piId, linkId);
    return c.body(null, 204);
  });
}
