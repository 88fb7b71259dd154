import {
  CreateWorkspaceBody,
  UpdateWorkspaceBody,
  WorkspaceList,
  WorkspaceResponse,
} from "../../../../common/contracts/workspaces.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";

export const listWorkspacesRoute = defineRoute({
  operationId: "listWorkspaces",
  description:
    "Lists the workspaces you are a member of, each with your role in it. Any signed-in caller.",
  method: "get",
  path: "/workspaces",
  tags: ["workspaces"],
  summary: "Workspaces you are a member of, with your role",
  access: { kind: "user" },
  responses: { 200: json(WorkspaceList, "Your workspaces"), 401: errorResponses[401] },
});

export const createWorkspaceRoute = defineRoute({
  operationId: "createWorkspace",
  description:
    "Creates a workspace with the default use-case workflow; you become its Admin. Any signed-in caller.",
  method: "post",
  path: "/workspaces",
  tags: ["workspaces"],
  summary: "Create a workspace; you become its Admin",
  access: { kind: "user" },
  request: { body: jsonBody(CreateWorkspaceBody, { name: "Innovation portfolio" }) },
  responses: { 201: json(WorkspaceResponse, "Created"), 400: errorResponses[400], 401: errorResponses[401] },
});

export const getWorkspaceRoute = defineRoute({
  operationId: "getWorkspace",
  description:
    "Returns one workspace and your role in it. Any member (Admin, Moderator, Member, Visitor); others get 404.",
  method: "get",
  path: workspacePath,
  tags: ["workspaces"],
  summary: "One workspace",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(WorkspaceResponse, "The workspace"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateWorkspaceRoute = defineRoute({
  operationId: "updateWorkspace",
  description:
    "Renames the workspace. Admins only; other members get 403, outsiders 404.",
  method: "patch",
  path: workspacePath,
  tags: ["workspaces"],
  summary: "Rename a workspace (Admin)",
  access: { kind: "workspace", action: "workspace.update" },
  request: { params: WorkspaceParams, body: jsonBody(UpdateWorkspaceBody, { name: "Innovation portfolio 2027" }) },
  responses: { 200: json(WorkspaceResponse, "Updated"), ...errorResponses },
});
