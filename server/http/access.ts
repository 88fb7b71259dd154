import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import { roleMay, type WorkspaceAction } from "../policies/roles.ts";
import type { Db } from "../db/pool.ts";
import type { AppEnv } from "./types.ts";

/**
 * Who may call a route, declared next to the route. `workspace` routes resolve the caller's
 * membership from the `workspaceId` path parameter; outsiders get 404, members whose role lacks
 * the action get 403. Use-case level rules (assignment, visibility) are checked by the command.
 */
export type Access =
  | { kind: "public" }
  | { kind: "user" }
  /** Jira webhook deliveries: no session; the route checks the endpoint's path id and signature itself. */
  | { kind: "webhook" }
  | { kind: "workspace"; action: WorkspaceAction };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => value !== undefined && uuid.test(value);

export const workspaceNotFound = () =>
  new AppError("not_found", "Workspace was not found, or you are not a member of it.");

export function accessMiddleware(access: Access, db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === "public" || access.kind === "webhook") return next();
    const actor = c.get("actor");
    if (!actor) throw new AppError("authentication_required", "Log in, or send an API token as `Authorization: Bearer <token>`.");
    if (access.kind === "user") return next();
    const workspaceId = c.req.param("workspaceId");
    if (!isUuid(workspaceId)) throw workspaceNotFound();
    const membership = await db
      .selectFrom("memberships")
      .select(["role"])
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    if (!membership) throw workspaceNotFound();
    if (!roleMay(membership.role, access.action)) {
      throw new AppError("forbidden", `Your role (${membership.role}) does not allow this in this workspace.`, {
        action: access.action,
        role: membership.role,
      });
    }
    c.set("membership", { workspaceId, role: membership.role });
    return next();
  };
}
