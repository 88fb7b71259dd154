import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { StatusCategory } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "../models/audit-log.ts";

export async function listStatuses(db: Db, workspaceId: string) {
  return db
    .selectFrom("use_case_statuses")
    .select(["id", "name", "category", "position"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("position")
    .execute();
}

type StatusInput = { id?: string | undefined; name: string; category: StatusCategory };

/**
 * Replaces the workspace's workflow with the given ordered list in one transaction. Statuses
 * keep their id (and their use cases) when listed with it; a status left out is deleted only
 * when no use case is in it.
 */
export async function replaceStatuses(db: Db, actorId: string, workspaceId: string, statuses: readonly StatusInput[]) {
  const names = statuses.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) {
    throw new AppError("validation_failed", "Status names must be unique in a workspace.");
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("use_case_statuses").select(["id"]).where("workspace_id", "=", workspaceId).forUpdate().execute();
    const existingIds = new Set(existing.map((s) => s.id));
    const unknown = statuses.find((s) => s.id !== undefined && !existingIds.has(s.id));
    if (unknown) throw new AppError("validation_failed", `Status ${unknown.id} is not part of this workspace.`);
    const kept = new Set(statuses.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = [...existingIds].filter((id) => !kept.has(id));
    if (removed.length > 0) {
      const inUse = await trx
        .selectFrom("use_cases")
        .innerJoin("use_case_statuses", "use_case_statuses.id", "use_cases.status_id")
        .select(["use_case_statuses.name", (eb) => eb.fn.countAll<string>().as("n")])
        .where("use_cases.status_id", "in", removed)
        .groupBy("use_case_statuses.name")
        .execute();
      if (inUse.length > 0) {
        throw new AppError(
          "conflict",
          `Move the use cases out of ${inUse.map((r) => `"${r.name}" (${r.n})`).join(", ")} before removing those statuses.`,
          { statuses: inUse.map((r) => ({ name: r.name, useCases: Number(r.n) })) },
        );
      }
      await trx.deleteFrom("use_case_statuses").where("id", "in", removed).execute();
    }
    // Positions and names are unique: park kept rows out of the way before writing the new order.
    await trx
      .updateTable("use_case_statuses")
      .set({ position: sql`-1 - position`, name: sql`name || ' ' || id` })
      .where("workspace_id", "=", workspaceId)
      .execute();
    for (const [position, status] of statuses.entries()) {
      if (status.id) {
        await trx
          .updateTable("use_case_statuses")
          .set({ name: status.name, category: status.category, position })
          .where("id", "=", status.id)
          .execute();
      } else {
        await trx
          .insertInto("use_case_statuses")
          .values({ workspace_id: workspaceId, name: status.name, category: status.category, position })
          .execute();
      }
    }
    await recordAudit(trx, { workspaceId, actorId, action: "statuses.replaced", details: { statuses: statuses.map((s) => s.name) } });
    return listStatuses(trx, workspaceId);
  });
}
