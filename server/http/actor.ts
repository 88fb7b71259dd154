import { AppError } from "../errors.ts";
import type { Actor, Membership } from "./types.ts";

/** For handlers behind `access: user|workspace`: the middleware guarantees these are set. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("authentication_required", "Log in first.");
  return actor;
}

export function requireMembership(membership: Membership | null): Membership {
  if (!membership) throw new AppError("not_found", "Workspace was not found, or you are not a member of it.");
  return membership;
}
