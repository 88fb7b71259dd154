import { z } from "zod";
import { safeText } from "../../../../common/contracts/safe-text.ts";
import {
  CreateInvitationBody,
  CreateInvitationResponse,
  InvitationList,
  InvitationPreview,
  WorkspaceResponse,
} from "../../../../common/contracts/workspaces.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";

const TokenParams = z.object({ token: safeText().min(20).max(100) });
const gone = json(ErrorResponse, "Invalid, expired, revoked or used link (code: invitation_invalid)");

export const listInvitationsRoute = defineRoute({
  operationId: "listInvitations",
  description:
    "Lists the workspace's open and accepted invitations (never their link secrets). Admins only.",
  method: "get",
  path: `${workspacePath}/invitations`,
  tags: ["invitations"],
  summary: "Open and accepted invitations (Admin)",
  access: { kind: "workspace", action: "invitations.manage" },
  request: { params: WorkspaceParams },
  responses: { 200: json(InvitationList, "Invitations"), ...errorResponses },
});

export const createInvitationRoute = defineRoute({
  operationId: "createInvitation",
  description:
    "Creates an invitation link that admits one account with the given role; with an `email`, only that address may use it " +
    "and the link is mailed. The link (`url`) is in this response only. Admins only.",
  method: "post",
  path: `${workspacePath}/invitations`,
  tags: ["invitations"],
  summary: "Invite by link with a role (Admin); with an email, the link is also mailed",
  access: { kind: "workspace", action: "invitations.manage" },
  request: { params: WorkspaceParams, body: jsonBody(CreateInvitationBody, { role: "member", email: "grace@example.com" }) },
  responses: {
    201: json(CreateInvitationResponse, "Created; `url` is shown only now"),
    ...errorResponses,
    409: json(ErrorResponse, "The email already belongs to a member of this workspace (code: already_member)"),
  },
});

export const revokeInvitationRoute = defineRoute({
  operationId: "revokeInvitation",
  description:
    "Revokes an open invitation; its link stops working. Admins only.",
  method: "delete",
  path: `${workspacePath}/invitations/{invitationId}`,
  tags: ["invitations"],
  summary: "Revoke an open invitation (Admin)",
  access: { kind: "workspace", action: "invitations.manage" },
  request: { params: WorkspaceParams.extend({ invitationId: z.uuid() }) },
  responses: { ...noContent, ...errorResponses },
});

export const previewInvitationRoute = defineRoute({
  operationId: "previewInvitation",
  description:
    "Shows what an invitation link offers (workspace, role, who invited) before signing up or accepting. Anyone holding the link.",
  method: "get",
  path: "/invitations/{token}",
  tags: ["invitations"],
  summary: "What an invitation link offers (no login needed)",
  access: { kind: "public" },
  request: { params: TokenParams },
  responses: { 200: json(InvitationPreview, "The invitation"), 400: errorResponses[400], 410: gone },
});

export const acceptInvitationRoute = defineRoute({
  operationId: "acceptInvitation",
  description:
    "Joins the invitation's workspace with its role, as the signed-in account (which must be the invited email if one was given). " +
    "Any signed-in caller holding the link.",
  method: "post",
  path: "/invitations/{token}/accept",
  tags: ["invitations"],
  summary: "Join the workspace with the invitation's role",
  access: { kind: "user" },
  request: { params: TokenParams },
  responses: {
    200: json(WorkspaceResponse, "Joined"),
    400: errorResponses[400],
    401: errorResponses[401],
    403: json(ErrorResponse, "The invitation is for another email (code: invitation_other_email)"),
    410: gone,
  },
});
