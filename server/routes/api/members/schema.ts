import { z } from "zod";
import { MemberList, MemberResponse, UpdateMemberBody } from "../../../../common/contracts/workspaces.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";

const MemberParams = WorkspaceParams.extend({ userId: z.uuid() });

export const listMembersRoute = defineRoute({
  operationId: "listMembers",
  description:
    "Lists the workspace's members with their roles. Any member (Admin, Moderator, Member, Visitor); others get 404.",
  method: "get",
  path: `${workspacePath}/members`,
  tags: ["members"],
  summary: "Members of the workspace and their roles",
  access: { kind: "workspace", action: "members.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MemberList, "Members"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateMemberRoute = defineRoute({
  operationId: "updateMemberRole",
  description:
    "Changes a member's role (admin, moderator, member, visitor); the last Admin cannot be demoted. Admins only.",
  method: "patch",
  path: `${workspacePath}/members/{userId}`,
  tags: ["members"],
  summary: "Change a member's role (Admin)",
  access: { kind: "workspace", action: "members.manage" },
  request: { params: MemberParams, body: jsonBody(UpdateMemberBody, { role: "moderator" }) },
  responses: {
    200: json(MemberResponse, "Updated"),
    ...errorResponses,
    409: json(ErrorResponse, "Would leave the workspace without an Admin (code: last_admin)"),
  },
});

export const removeMemberRoute = defineRoute({
  operationId: "removeMember",
  description:
    "Removes a member from the workspace and clears their use-case assignments; the last Admin cannot be removed. Admins only.",
  method: "delete",
  path: `${workspacePath}/members/{userId}`,
  tags: ["members"],
  summary: "Remove a member (Admin); their use-case assignments are cleared",
  access: { kind: "workspace", action: "members.manage" },
  request: { params: MemberParams },
  responses: {
    ...noContent,
    ...errorResponses,
    409: json(ErrorResponse, "Would leave the workspace without an Admin (code: last_admin)"),
  },
});
