import type { SyncCustomField } from "../../../integrations/jira/sync/field-kinds.ts";
import type { Db } from "../../db/pool.ts";
import { workspaceCustomFields } from "../custom-field-values.ts";

/** The workspace's custom-field definitions as the sync rules read them (mapped `cf.<key>` fields). */
export async function syncCustomFields(db: Db, workspaceId: string): Promise<SyncCustomField[]> {
  return (await workspaceCustomFields(db, workspaceId)).map((f) => ({
    key: f.key,
    name: f.name,
    type: f.type,
    options: f.options.map((o) => ({ id: o.id, label: o.label })),
    archived: f.archived,
    required: f.required,
  }));
}
