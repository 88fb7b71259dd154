import type { Db } from "../db/pool.ts";
import type { Role } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { recordAudit } from "../models/audit-log.ts";
import { releaseAssignments } from "./release-assignments.ts";
import { insertMembership, insertWorkspace, listMembers, lockAdminCount } from "../models/workspaces.ts";

export async function createWorkspace(db: Db, actorId: string, name: string) {
  return db.transaction().execute(async (trx) => {
    const workspace = await insertWorkspace(trx, name);
    await insertMembership(trx, workspace.id, actorId, "admin");
    await recordAudit(trx, { workspaceId: workspace.id, actorId, action: "workspace.created", details: { name } });
    return { id: workspace.id, name: workspace.name, role: "admin" as const };
  });
}

export async function renameWorkspace(db: Db, actorId: string, workspaceId: string, name: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("workspaces").set({ name }).where("id", "=", workspaceId).execute();
    await recordAudit(trx, { workspaceId, actorId, action: "workspace.renamed", details: { name } });
  });
}

/** Locks the admins and the member, so concurrent changes cannot leave the workspace without an Admin. */
async function lockMember(trx: Db, workspaceId: string, userId: string) {
  const admins = await lockAdminCount(trx, workspaceId);
  const current = await trx
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound("Member");
  return { admins, current };
}

const lastAdmin = () =>
  new AppError("last_admin", "A workspace needs at least one Admin. Make someone else Admin first.");

export async function changeMemberRole(db: Db, actorId: string, workspaceId: string, userId: string, role: Role) {
  await db.transaction().execute(async (trx) => {
    const { admins, current } = await lockMember(trx, workspaceId, userId);
    if (current.role === "admin" && role !== "admin" && admins <= 1) throw lastAdmin();
    await trx.updateTable("memberships").set({ role }).where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
    await recordAudit(trx, { workspaceId, actorId, action: "member.role_changed", target: userId, details: { from: current.role, to: role } });
  });
  const member = (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
  if (!member) throw notFound("Member");
  return member;
}

export async function removeMember(db: Db, actorId: string, workspaceId: string, userId: string) {
  await db.transaction().execute(async (trx) => {
    const { admins, current } = await lockMember(trx, workspaceId, userId);
    if (current.role === "admin" && admins <= 1) throw lastAdmin();
    await trx.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
    await releaseAssignments(trx, actorId, workspaceId, userId);
    await recordAudit(trx, { workspaceId, actorId, action: "member.removed", target: userId, details: { role: current.role } });
  });
}
