import { z } from "zod";
import { MemberList, MemberResponse, UpdateMemberBody } from "../../../../common/contracts/workspaces.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, noContent } from "../responses.ts";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";

const MemberParams = WorkspaceParams.extend({ userId: z.uuid() });

export const listMembersRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/members`,
  tags: ["members"],
  summary: "Members of the workspace and their roles",
  access: { kind: "workspace", action: "members.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MemberList, "Members"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateMemberRoute = defineRoute({
  method: "patch",
  path: `${workspacePath}/members/{userId}`,
  tags: ["members"],
  summary: "Change a member's role (Admin)",
  access: { kind: "workspace", action: "members.manage" },
  request: { params: MemberParams, body: { content: { "application/json": { schema: UpdateMemberBody } }, required: true } },
  responses: {
    200: json(MemberResponse, "Updated"),
    ...errorResponses,
    409: json(ErrorResponse, "Would leave the workspace without an Admin (code: last_admin)"),
  },
});

export const removeMemberRoute = defineRoute({
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
