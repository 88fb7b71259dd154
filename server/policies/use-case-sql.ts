import { type ExpressionBuilder, sql } from "kysely";
import type { Database, Role } from "../db/schema.ts";

/**
 * `useCaseVisible` (use-cases.ts) as a WHERE clause, for lists and counts: Visitors see public use
 * cases, Members also those assigned to them (assignee or member), Admins and Moderators all.
 * use-case-sql.integration.test.ts checks it against the pure rule for every combination;
 * change both together.
 */
/** The use case is assigned to the user: as its assignee or one of its members. */
export function assignedToSql(eb: ExpressionBuilder<Database, "use_cases">, userId: string) {
  return eb.or([
    eb("use_cases.assignee_id", "=", userId),
    eb.exists(
      eb
        .selectFrom("use_case_members")
        .select("use_case_members.user_id")
        .whereRef("use_case_members.use_case_id", "=", "use_cases.id")
        .where("use_case_members.user_id", "=", userId),
    ),
  ]);
}

export function useCaseVisibleSql(role: Role, userId: string) {
  return (eb: ExpressionBuilder<Database, "use_cases">) => {
    if (role === "admin" || role === "moderator") return sql<boolean>`true`;
    if (role === "visitor") return eb("use_cases.visibility", "=", "public");
    return eb.or([eb("use_cases.visibility", "=", "public"), assignedToSql(eb, userId)]);
  };
}
