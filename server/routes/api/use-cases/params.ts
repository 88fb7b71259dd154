import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { isUuid } from "../../../http/access.ts";
import type { AppEnv } from "../../../http/types.ts";
import { workspacePath } from "../params.ts";

export const useCasesPath = `${workspacePath}/use-cases`;
export const useCasePath = `${useCasesPath}/{useCaseId}`;
export const commentPath = `${useCasePath}/comments/{commentId}`;

export const UseCaseParams = z.object({ workspaceId: z.uuid(), useCaseId: z.uuid() });
export const CommentParams = UseCaseParams.extend({ commentId: z.uuid() });

/**
 * A path id that is not a uuid names nothing: 404 like any unknown id, not a 400 (and never a
 * failed cast in the database). Runs before parameter validation.
 */
export function uuidPathOr404(...names: string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const name of names) {
      if (!isUuid(c.req.param(name))) throw new AppError("not_found", `No ${name.replace(/Id$/, "")} with id "${c.req.param(name) ?? ""}".`);
    }
    return next();
  };
}
