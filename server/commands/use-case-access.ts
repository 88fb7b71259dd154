import type { Db } from "../db/pool.ts";
import type { Role } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { lockUseCaseAccessFacts, readUseCaseAccessFacts } from "../models/use-cases.ts";
import { type UseCaseAccessFacts, type UseCaseAction, useCaseMay, useCaseVisible } from "../policies/use-cases.ts";

/** Who is acting, in which workspace: what every use-case command needs. */
export type UseCaseCaller = { userId: string; role: Role; workspaceId: string };

export const useCaseNotFound = () => new AppError("not_found", "Use case was not found, or you may not see it.");

/** A use case you may not read does not exist for you (404); one you may read but not change is 403. */
export function authorise(caller: UseCaseCaller, action: UseCaseAction, facts: UseCaseAccessFacts | undefined): UseCaseAccessFacts {
  if (!facts || !useCaseVisible(caller.role, caller.userId, facts)) throw useCaseNotFound();
  if (!useCaseMay(caller.role, caller.userId, action, facts)) {
    throw new AppError("forbidden", `Your role (${caller.role}) may not ${action} this use case.`, { action, role: caller.role });
  }
  return facts;
}

/** Checks access without locking; for reads and for writes to rows other than the use case (comments). */
export async function authoriseUseCase(db: Db, caller: UseCaseCaller, useCaseId: string, action: UseCaseAction) {
  return authorise(caller, action, await readUseCaseAccessFacts(db, caller.workspaceId, useCaseId));
}

/** Locks the use case row for the rest of the transaction, then checks access. */
export async function lockAndAuthorise(db: Db, caller: UseCaseCaller, useCaseId: string, action: UseCaseAction) {
  const locked = await lockUseCaseAccessFacts(db, caller.workspaceId, useCaseId);
  if (!locked) throw useCaseNotFound();
  authorise(caller, action, locked.facts);
  return locked;
}
