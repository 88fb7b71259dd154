import type { Db } from "../db/pool.ts";
import type { ChangeSource } from "../db/schema.ts";

/** One changed field: values in the API's shape (ids with names for people and statuses). */
export type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

/** Who made a change, as history stores it: a user by id, a Jira person or a process by label. */
export type HistoryActor = { actorId: string | null; source: ChangeSource; actorLabel?: string | null; actorJiraAccountId?: string | null };

/** Writes one history row per changed field; call it in the transaction that made the change. */
export async function recordUseCaseChanges(db: Db, entry: HistoryActor & { useCaseId: string; changes: readonly FieldChange[] }): Promise<void> {
  if (entry.changes.length === 0) return;
  await db
    .insertInto("use_case_history")
    .values(
      entry.changes.map((change) => ({
        use_case_id: entry.useCaseId,
        actor_id: entry.actorId,
        source: entry.source,
        actor_label: entry.actorLabel ?? null,
        actor_jira_account_id: entry.actorJiraAccountId ?? null,
        field: change.field,
        old_value: change.oldValue === undefined ? null : JSON.stringify(change.oldValue),
        new_value: change.newValue === undefined ? null : JSON.stringify(change.newValue),
      })),
    )
    .execute();
}

export type HistoryRecord = {
  id: string;
  field: string;
  old_value: unknown;
  new_value: unknown;
  source: ChangeSource;
  created_at: Date;
  actor_id: string | null;
  actor_display_name: string | null;
  actor_label: string | null;
};

/** Newest first, strictly older than `beforeId` when given; one extra row tells whether more exist. */
export async function listUseCaseHistory(db: Db, useCaseId: string, options: { limit: number; beforeId: string | null }) {
  let query = db
    .selectFrom("use_case_history")
    .leftJoin("users", "users.id", "use_case_history.actor_id")
    .select([
      "use_case_history.id",
      "use_case_history.field",
      "use_case_history.old_value",
      "use_case_history.new_value",
      "use_case_history.source",
      "use_case_history.created_at",
      "use_case_history.actor_id",
      "users.display_name as actor_display_name",
      "use_case_history.actor_label",
    ])
    .where("use_case_history.use_case_id", "=", useCaseId);
  if (options.beforeId !== null) query = query.where("use_case_history.id", "<", options.beforeId);
  const rows: HistoryRecord[] = await query.orderBy("use_case_history.id", "desc").limit(options.limit + 1).execute();
  const more = rows.length > options.limit;
  return { rows: more ? rows.slice(0, options.limit) : rows, more };
}
