import { z } from "zod";
import { safeText } from "./safe-text.ts";

export const Role = z.enum(["admin", "moderator", "member", "visitor"]);
export type Role = z.infer<typeof Role>;

export const WorkspaceSummary = z.object({ id: z.uuid(), name: z.string(), role: Role });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceName = safeText().trim().min(1).max(100);
export const CreateWorkspaceBody = z.strictObject({ name: WorkspaceName });
export const UpdateWorkspaceBody = z.strictObject({ name: WorkspaceName });
export const WorkspaceResponse = z.object({ workspace: WorkspaceSummary });
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceSummary) });

export const Member = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ members: z.array(Member) });
export const UpdateMemberBody = z.strictObject({ role: Role });
export const MemberResponse = z.object({ member: Member });

export const Invitation = z.object({
  id: z.uuid(),
  role: Role,
  email: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ invitations: z.array(Invitation) });
export const CreateInvitationBody = z.strictObject({
  role: Role,
  email: z.email().max(254).optional(),
  expiresInDays: z.int().min(1).max(30).optional(),
});
/** `url` carries the one-time secret; it is returned only here. */
export const CreateInvitationResponse = z.object({ invitation: Invitation, url: z.string() });
export const InvitationPreview = z.object({ workspaceName: z.string(), role: Role, invitedBy: z.string() });

/** What a status means: not started, in progress, finished (done), or closed without success (stopped: Rejected, Cancelled). */
export const StatusCategory = z.enum(["todo", "in_progress", "done", "stopped"]).meta({
  description:
    "What the status means: `todo` not started, `in_progress` under way, `done` finished, `stopped` closed without success " +
    "(Rejected, Cancelled). Both `done` and `stopped` are closed; the Jira status mapping sends both to Jira's done category.",
});
export type StatusCategory = z.infer<typeof StatusCategory>;
export const UseCaseStatus = z.object({ id: z.uuid(), name: z.string(), category: StatusCategory, position: z.int() });
export type UseCaseStatus = z.infer<typeof UseCaseStatus>;
export const StatusList = z.object({ statuses: z.array(UseCaseStatus) });
/** The whole ordered workflow; statuses keep their id when listed with it, new ones have none. */
export const ReplaceStatusesBody = z.strictObject({
  statuses: z
    .array(z.strictObject({ id: z.uuid().optional(), name: safeText().trim().min(1).max(60), category: StatusCategory }))
    .min(1)
    .max(30),
});

/** One setup change: who did what to what, when. Details never hold secrets. */
export const AuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditLogQuery = z.object({
  /** Entries older than this id (from the previous page's `nextCursor`). */
  cursor: z.string().regex(/^\d{1,18}$/, { error: "must be a cursor from a previous page" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditLog = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
