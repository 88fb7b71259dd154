import type { Db } from "../db/pool.ts";
import type { Role, StatusCategory } from "../db/schema.ts";

/** The funnel a new workspace starts with; each workspace edits its own. */
export const defaultStatuses: readonly { name: string; category: StatusCategory }[] = [
  { name: "Idea", category: "todo" },
  { name: "Evaluating", category: "todo" },
  { name: "Approved", category: "todo" },
  { name: "In delivery", category: "in_progress" },
  { name: "Done", category: "done" },
  { name: "Rejected", category: "stopped" },
];

export async function insertWorkspace(db: Db, name: string) {
  const workspace = await db.insertInto("workspaces").values({ name }).returning(["id", "name"]).executeTakeFirstOrThrow();
  await db
    .insertInto("use_case_statuses")
    .values(defaultStatuses.map((s, position) => ({ workspace_id: workspace.id, name: s.name, category: s.category, position })))
    .execute();
  return workspace;
}

export async function listWorkspacesOf(db: Db, userId: string) {
  return db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select(["workspaces.id", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("workspaces.name")
    .execute();
}

export async function getWorkspace(db: Db, workspaceId: string) {
  return db.selectFrom("workspaces").select(["id", "name"]).where("id", "=", workspaceId).executeTakeFirstOrThrow();
}

export async function listMembers(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.email", "users.display_name", "memberships.role", "memberships.created_at"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.display_name")
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    joinedAt: r.created_at.toISOString(),
  }));
}

export async function insertMembership(db: Db, workspaceId: string, userId: string, role: Role) {
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: userId, role })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .execute();
}

/** Locks the workspace's admin memberships so two concurrent demotions cannot remove the last admin. */
export async function lockAdminCount(db: Db, workspaceId: string): Promise<number> {
  const rows = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "admin")
    .forUpdate()
    .execute();
  return rows.length;
}
