import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { addComment, editComment, listUseCaseComments, removeComment } from "../../../commands/use-case-comments.ts";
import type { UseCaseCaller } from "../../../commands/use-case-access.ts";
import { countUseCases, listHistory, listUseCases } from "../../../commands/use-case-list.ts";
import { createUseCase, deleteUseCase, getUseCase, updateUseCase } from "../../../commands/use-cases.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { etag, expectedVersion } from "./versions.ts";
import {
  addCommentRoute,
  createUseCaseRoute,
  deleteCommentRoute,
  deleteUseCaseRoute,
  editCommentRoute,
  getUseCaseRoute,
  listCommentsRoute,
  listHistoryRoute,
  countUseCasesRoute,
  listUseCasesRoute,
  updateUseCaseRoute,
} from "./schema.ts";

function callerOf(c: Context<AppEnv>): UseCaseCaller {
  const actor = requireActor(c.get("actor"));
  const membership = requireMembership(c.get("membership"));
  return { userId: actor.userId, role: membership.role, workspaceId: membership.workspaceId };
}

export function registerUseCaseRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, listUseCasesRoute, async (c) => {
    return c.json(await listUseCases(deps.db, callerOf(c), c.req.valid("query")), 200);
  });

  mount(app, deps, countUseCasesRoute, async (c) => c.json(await countUseCases(deps.db, callerOf(c), c.req.valid("query")), 200));

  mount(app, deps, createUseCaseRoute, async (c) => {
    const caller = callerOf(c);
    const useCase = await createUseCase(deps.db, caller, c.req.valid("json"));
    c.header("ETag", etag(useCase.version));
    c.header("Location", `/api/v1/workspaces/${caller.workspaceId}/use-cases/${useCase.id}`);
    return c.json({ useCase }, 201);
  });

  mount(app, deps, getUseCaseRoute, async (c) => {
    const useCase = await getUseCase(deps.db, callerOf(c), c.req.valid("param").useCaseId);
    c.header("ETag", etag(useCase.version));
    return c.json({ useCase }, 200);
  });

  mount(app, deps, updateUseCaseRoute, async (c) => {
    const { version, ...patch } = c.req.valid("json");
    const expected = expectedVersion(version, c.req.valid("header")["if-match"]);
    const useCase = await updateUseCase(deps.db, callerOf(c), c.req.valid("param").useCaseId, patch, expected);
    c.header("ETag", etag(useCase.version));
    return c.json({ useCase }, 200);
  });

  mount(app, deps, deleteUseCaseRoute, async (c) => {
    await deleteUseCase(deps.db, callerOf(c), c.req.valid("param").useCaseId);
    return c.body(null, 204);
  });

  mount(app, deps, listCommentsRoute, async (c) => {
    return c.json({ comments: await listUseCaseComments(deps.db, callerOf(c), c.req.valid("param").useCaseId) }, 200);
  });

  mount(app, deps, addCommentRoute, async (c) => {
    const comment = await addComment(deps.db, callerOf(c), c.req.valid("param").useCaseId, c.req.valid("json").body);
    return c.json({ comment }, 201);
  });

  mount(app, deps, editCommentRoute, async (c) => {
    const { useCaseId, commentId } = c.req.valid("param");
    return c.json({ comment: await editComment(deps.db, callerOf(c), useCaseId, commentId, c.req.valid("json").body) }, 200);
  });

  mount(app, deps, deleteCommentRoute, async (c) => {
    const { useCaseId, commentId } = c.req.valid("param");
    await removeComment(deps.db, callerOf(c), useCaseId, commentId);
    return c.body(null, 204);
  });

  mount(app, deps, listHistoryRoute, async (c) => {
    return c.json(await listHistory(deps.db, callerOf(c), c.req.valid("param").useCaseId, c.req.valid("query")), 200);
  });
}
