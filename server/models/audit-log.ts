import type { Db } from "../db/pool.ts";

/** Records a setup change (members, roles, invitations, integration settings). Never pass secrets in `details`. */
export async function recordAudit(
  db: Db,
  entry: { workspaceId: string | null; actorId: string | null; action: string; target?: string; details?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Newest first, keyset-paginated by id. */
export async function listAudit(db: Db, workspaceId: string, page: { before?: string | undefined; limit: number }) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .select(["audit_log.id", "audit_log.action", "audit_log.target", "audit_log.details", "audit_log.created_at", "users.id as actor_id", "users.display_name"])
    .where("audit_log.workspace_id", "=", workspaceId);
  if (page.before !== undefined) query = query.where("audit_log.id", "<", page.before);
  const rows = await query.orderBy("audit_log.id", "desc").limit(page.limit + 1).execute();
  const entries = rows.slice(0, page.limit).map((r) => ({
    id: String(r.id),
    action: r.action,
    target: r.target,
    details: r.details,
    actor: r.actor_id && r.display_name !== null ? { id: r.actor_id, displayName: r.display_name } : null,
    createdAt: r.created_at.toISOString(),
  }));
  return { entries, nextCursor: rows.length > page.limit ? (entries.at(-1)?.id ?? null) : null };
}
