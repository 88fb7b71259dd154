import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import { recordUseCaseChanges } from "../models/use-case-history.ts";

type Person = { id: string; displayName: string };
const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName);

/**
 * A former member keeps no assignment in the workspace: their use cases lose them as assignee and
 * member, each change bumps the version (so stale editors get a conflict) and is in the history.
 */
export async function releaseAssignments(trx: Db, actorId: string, workspaceId: string, userId: string): Promise<void> {
  const user = await trx.selectFrom("users").select(["id", "display_name"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const person: Person = { id: user.id, displayName: user.display_name };

  const unassigned = await trx
    .updateTable("use_cases")
    .set({ assignee_id: null, version: sql`version + 1`, updated_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("assignee_id", "=", userId)
    .returning("id")
    .execute();
  for (const { id } of unassigned) {
    await recordUseCaseChanges(trx, { useCaseId: id, actorId, source: "tether", changes: [{ field: "assignee", oldValue: person, newValue: null }] });
  }

  const memberships = await trx
    .selectFrom("use_case_members")
    .innerJoin("use_cases", "use_cases.id", "use_case_members.use_case_id")
    .select("use_case_members.use_case_id")
    .where("use_cases.workspace_id", "=", workspaceId)
    .where("use_case_members.user_id", "=", userId)
    .execute();
  for (const { use_case_id: useCaseId } of memberships) {
    const before = await trx
      .selectFrom("use_case_members")
      .innerJoin("users", "users.id", "use_case_members.user_id")
      .select(["users.id", "users.display_name"])
      .where("use_case_members.use_case_id", "=", useCaseId)
      .execute();
    const oldValue = before.map((m) => ({ id: m.id, displayName: m.display_name })).sort(byName);
    await trx.deleteFrom("use_case_members").where("use_case_id", "=", useCaseId).where("user_id", "=", userId).execute();
    await trx.updateTable("use_cases").set({ version: sql`version + 1`, updated_at: new Date() }).where("id", "=", useCaseId).execute();
    await recordUseCaseChanges(trx, {
      useCaseId,
      actorId,
      source: "tether",
      changes: [{ field: "members", oldValue, newValue: oldValue.filter((m) => m.id !== userId) }],
    });
  }
}
