import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { CustomFieldRow, CustomFieldsTable } from "../db/schema-custom-fields.ts";
import type { Updateable } from "kysely";

export type { CustomFieldRow };

export async function listCustomFieldRows(db: Db, workspaceId: string): Promise<CustomFieldRow[]> {
  return db.selectFrom("custom_fields").selectAll().where("workspace_id", "=", workspaceId).orderBy("position").orderBy("created_at").execute();
}

export async function findCustomFieldRow(db: Db, workspaceId: string, fieldId: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom("custom_fields").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", fieldId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findCustomFieldByKey(db: Db, workspaceId: string, key: string) {
  return db.selectFrom("custom_fields").selectAll().where("workspace_id", "=", workspaceId).where("key", "=", key).executeTakeFirst();
}

export async function insertCustomFieldRow(
  db: Db,
  row: { workspace_id: string; key: string; name: string; help_text: string; type: CustomFieldRow["type"]; required: boolean; config: Record<string, unknown> },
): Promise<CustomFieldRow> {
  const position = sql<number>`coalesce((select max(position) + 1 from custom_fields where workspace_id = ${row.workspace_id}), 0)`;
  return db
    .insertInto("custom_fields")
    .values({ ...row, config: JSON.stringify(row.config), position })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCustomFieldRow(db: Db, fieldId: string, changes: Omit<Updateable<CustomFieldsTable>, "version" | "updated_at">): Promise<CustomFieldRow> {
  return db
    .updateTable("custom_fields")
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", fieldId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rebuilds the typed copies the list sorts and filters on (after a retype or an option reorder). */
export async function reindexCustomField(db: Db, fieldId: string): Promise<void> {
  await sql`select reindex_custom_field(${fieldId}::uuid)`.execute(db);
}

/** Use cases of the workspace holding a value for this key, locked for the change that follows. */
export async function lockUseCasesWithValue(db: Db, workspaceId: string, key: string) {
  return db
    .selectFrom("use_cases")
    .select(["id", "number", sql<unknown>`custom_fields -> ${key}`.as("value")])
    .where("workspace_id", "=", workspaceId)
    .where(sql<boolean>`custom_fields ? ${key}`)
    .where(sql<boolean>`jsonb_typeof(custom_fields -> ${key}) <> 'null'`)
    .orderBy("number")
    .forUpdate()
    .execute();
}

export async function moderatorsMayDefine(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom("custom_field_settings").select("moderators_may_define").where("workspace_id", "=", workspaceId).executeTakeFirst();
  return row?.moderators_may_define ?? false;
}

export async function saveModeratorsMayDefine(db: Db, workspaceId: string, allowed: boolean): Promise<void> {
  await db
    .insertInto("custom_field_settings")
    .values({ workspace_id: workspaceId, moderators_may_define: allowed })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ moderators_may_define: allowed }))
    .execute();
}
