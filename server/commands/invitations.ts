import { digest, newSecret } from "../auth/secrets.ts";
import type { Db } from "../db/pool.ts";
import type { Role } from "../db/schema.ts";
import { AppError, notFound } from "../errors.ts";
import { recordAudit } from "../models/audit-log.ts";
import { insertMembership } from "../models/workspaces.ts";
import { enqueue } from "../queue/enqueue.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { sealInvitationLink } from "./invitation-link.ts";

type InvitationRow = {
  id: string;
  role: Role;
  email: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
};

export const presentInvitation = (row: InvitationRow) => ({
  id: row.id,
  role: row.role,
  email: row.email,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
});

const columns = ["id", "role", "email", "created_at", "expires_at", "accepted_at"] as const;

/**
 * An invitation link carries a one-time secret; only its digest is stored. An email, if given, is
 * sent by the worker: the job carries the invitation id only, and the link waits sealed on the row.
 */
export async function createInvitation(
  db: Db,
  secretBox: SecretBox,
  input: { workspaceId: string; actorId: string; role: Role; email?: string; expiresInDays?: number; baseUrl: string },
) {
  if (input.email) {
    const member = await db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["memberships.role"])
      .where("memberships.workspace_id", "=", input.workspaceId)
      .where((eb) => eb(eb.fn("lower", ["users.email"]), "=", input.email!.toLowerCase()))
      .executeTakeFirst();
    if (member) {
      throw new AppError("already_member", `${input.email} is already a member of this workspace (${member.role}). To give them another role, change it under Members.`, { field: "email" });
    }
  }
  const secret = newSecret();
  const url = `${input.baseUrl.replace(/\/$/, "")}/invite/${secret}`;
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? 7) * 86_400_000);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("invitations")
      .values({
        id,
        link_ciphertext: input.email ? sealInvitationLink(secretBox, id, url) : null,
        workspace_id: input.workspaceId,
        token_hash: digest(secret),
        role: input.role,
        email: input.email ?? null,
        created_by: input.actorId,
        expires_at: expiresAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actorId: input.actorId,
      action: "invitation.created",
      target: row.id,
      details: { role: input.role, email: input.email ?? null },
    });
    if (input.email) {
      await enqueue(trx, "send_invitation_email", { invitationId: row.id }, { jobKey: `invitation:${row.id}` });
    }
    return { invitation: presentInvitation(row), url };
  });
}

export async function listInvitations(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom("invitations")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(presentInvitation);
}

export async function revokeInvitation(db: Db, actorId: string, workspaceId: string, invitationId: string) {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: new Date(), link_ciphertext: null })
    .where("id", "=", invitationId)
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound("Open invitation");
  await recordAudit(db, { workspaceId, actorId, action: "invitation.revoked", target: invitationId });
}

const invalid = () =>
  new AppError("invitation_invalid", "This invitation link is invalid, expired, revoked or already used. Ask an Admin for a new one.");

const findByToken = (db: Db, secret: string) =>
  db
    .selectFrom("invitations")
    .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
    .innerJoin("users", "users.id", "invitations.created_by")
    .select([
      "invitations.id",
      "invitations.workspace_id",
      "invitations.role",
      "invitations.email",
      "invitations.accepted_by",
      "workspaces.name",
      "users.display_name",
    ])
    .where("invitations.token_hash", "=", digest(secret))
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", new Date());

async function findOpenInvitation(db: Db, secret: string) {
  const row = await findByToken(db, secret).where("invitations.accepted_at", "is", null).executeTakeFirst();
  if (!row) throw invalid();
  return row;
}

export async function isOpenInvitation(db: Db, secret: string): Promise<boolean> {
  try {
    await findOpenInvitation(db, secret);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "invitation_invalid") return false;
    throw error;
  }
}

export async function previewInvitation(db: Db, secret: string) {
  const row = await findOpenInvitation(db, secret);
  return { workspaceName: row.name, role: row.role, invitedBy: row.display_name };
}

/**
 * Uses the invitation up for this account, inside the caller's transaction: an invitation made for
 * an email is for that email only, and each invitation admits exactly one account (of two
 * concurrent claims exactly one updates the row).
 */
export async function claimInvitation(trx: Db, secret: string, user: { id: string; email: string }) {
  const row = await findOpenInvitation(trx, secret);
  if (row.email !== null && row.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("invitation_other_email", `This invitation is for ${row.email}. Sign up or log in with that email, or ask an Admin to invite ${user.email}.`);
  }
  const claimed = await trx
    .updateTable("invitations")
    .set({ accepted_at: new Date(), accepted_by: user.id, link_ciphertext: null })
    .where("id", "=", row.id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) throw invalid();
  const existing = await trx
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", row.workspace_id)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!existing) await insertMembership(trx, row.workspace_id, user.id, row.role);
  await recordAudit(trx, { workspaceId: row.workspace_id, actorId: user.id, action: "invitation.accepted", target: row.id });
  return { id: row.workspace_id, name: row.name, role: existing?.role ?? row.role };
}

export async function acceptInvitation(db: Db, secret: string, userId: string) {
  return db.transaction().execute(async (trx) => {
    // Accepting again what this account already accepted (e.g. right after signing up with it) just answers.
    const mine = await findByToken(trx, secret).where("invitations.accepted_by", "=", userId).executeTakeFirst();
    if (mine) {
      const membership = await trx
        .selectFrom("memberships")
        .select("role")
        .where("workspace_id", "=", mine.workspace_id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (membership) return { id: mine.workspace_id, name: mine.name, role: membership.role };
    }
    const user = await trx.selectFrom("users").select(["id", "email"]).where("id", "=", userId).executeTakeFirstOrThrow();
    return claimInvitation(trx, secret, user);
  });
}
