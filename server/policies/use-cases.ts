import type { UseCaseAbilities } from "../../common/contracts/use-cases.ts";
import type { Role, Visibility } from "../db/schema.ts";

/** What a policy needs to know about a use case: who it is assigned to, and who may see it. */
export type UseCaseAccessFacts = {
  visibility: Visibility;
  assigneeId: string | null;
  memberIds: readonly string[];
};

export type UseCaseAction = "read" | "update" | "delete" | "comment" | "integration.link" | "integration.sync";

const isAssigned = (userId: string, facts: UseCaseAccessFacts) =>
  facts.assigneeId === userId || facts.memberIds.includes(userId);

/**
 * Admins and Moderators act on every use case (Moderators sync all *public* ones, per the seed);
 * Members act on use cases assigned to them and read public ones; Visitors read public ones
 * and see nothing of the integration.
 */
export function useCaseMay(role: Role, userId: string, action: UseCaseAction, facts: UseCaseAccessFacts): boolean {
  const assigned = isAssigned(userId, facts);
  const visible = facts.visibility === "public" || assigned;
  switch (role) {
    case "admin":
      return true;
    case "moderator":
      if (action === "integration.link" || action === "integration.sync") return facts.visibility === "public" || assigned;
      return true;
    case "member":
      if (action === "read") return visible;
      if (action === "delete") return false;
      return assigned;
    case "visitor":
      return action === "read" && facts.visibility === "public";
  }
}

/** Read access decides 404 vs 403: a use case you may not read does not exist for you. */
export function useCaseVisible(role: Role, userId: string, facts: UseCaseAccessFacts): boolean {
  return useCaseMay(role, userId, "read", facts);
}

/** Every action's answer for one caller and use case: what the API returns as `abilities`. */
export function useCaseAbilities(role: Role, userId: string, facts: UseCaseAccessFacts): UseCaseAbilities {
  const may = (action: UseCaseAction) => useCaseMay(role, userId, action, facts);
  return {
    read: may("read"),
    update: may("update"),
    delete: may("delete"),
    comment: may("comment"),
    link: may("integration.link"),
    sync: may("integration.sync"),
  };
}

/** The facts as a presented use case carries them. */
export const accessFactsOf = (useCase: { visibility: Visibility; assignee: { id: string } | null; members: readonly { id: string }[] }): UseCaseAccessFacts => ({
  visibility: useCase.visibility,
  assigneeId: useCase.assignee?.id ?? null,
  memberIds: useCase.members.map((m) => m.id),
});
