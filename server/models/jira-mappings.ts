import { JiraMapping } from "../../common/contracts/jira-mapping.ts";
import type { Db } from "../db/pool.ts";

export type StoredMapping = { mapping: JiraMapping; version: number; updatedAt: Date };

/** The workspace's saved mapping, re-checked on the way out (a document written by an older version may not parse). */
export async function findMapping(db: Db, workspaceId: string): Promise<StoredMapping | null> {
  const row = await db.selectFrom("jira_field_mappings").select(["mapping", "version", "updated_at"]).where("workspace_id", "=", workspaceId).executeTakeFirst();
  if (!row) return null;
  const parsed = JiraMapping.safeParse(row.mapping);
  return parsed.success ? { mapping: parsed.data, version: row.version, updatedAt: row.updated_at } : null;
}

/** Saves the mapping if `expectedVersion` still holds (0: none saved yet); returns the new version or null on a lost race. */
export async function saveMappingRow(db: Db, workspaceId: string, actorId: string, mapping: JiraMapping, expectedVersion: number | undefined): Promise<number | null> {
  const json = JSON.stringify(mapping);
  const existing = await db.selectFrom("jira_field_mappings").select("version").where("workspace_id", "=", workspaceId).forUpdate().executeTakeFirst();
  if (expectedVersion !== undefined && (existing?.version ?? 0) !== expectedVersion) return null;
  if (!existing) {
    await db.insertInto("jira_field_mappings").values({ workspace_id: workspaceId, mapping: json, updated_by: actorId }).execute();
    return 1;
  }
  const version = existing.version + 1;
  await db
    .updateTable("jira_field_mappings")
    .set({ mapping: json, version, updated_by: actorId, updated_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .execute();
  return version;
}
