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
