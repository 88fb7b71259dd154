import {
  CreateWorkspaceBody,
  UpdateWorkspaceBody,
  WorkspaceList,
  WorkspaceResponse,
} from "../../../../common/contracts/workspaces.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";

export const listWorkspacesRoute = defineRoute({
  method: "get",
  path: "/workspaces",
  tags: ["workspaces"],
  summary: "Workspaces you are a member of, with your role",
  access: { kind: "user" },
  responses: { 200: json(WorkspaceList, "Your workspaces"), 401: errorResponses[401] },
});

export const createWorkspaceRoute = defineRoute({
  method: "post",
  path: "/workspaces",
  tags: ["workspaces"],
  summary: "Create a workspace; you become its Admin",
  access: { kind: "user" },
  request: { body: { content: { "application/json": { schema: CreateWorkspaceBody } }, required: true } },
  responses: { 201: json(WorkspaceResponse, "Created"), 400: errorResponses[400], 401: errorResponses[401] },
});

export const getWorkspaceRoute = defineRoute({
  method: "get",
  path: workspacePath,
  tags: ["workspaces"],
  summary: "One workspace",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(WorkspaceResponse, "The workspace"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateWorkspaceRoute = defineRoute({
  method: "patch",
  path: workspacePath,
  tags: ["workspaces"],
  summary: "Rename a workspace (Admin)",
  access: { kind: "workspace", action: "workspace.update" },
  request: { params: WorkspaceParams, body: { content: { "application/json": { schema: UpdateWorkspaceBody } }, required: true } },
  responses: { 200: json(WorkspaceResponse, "Updated"), ...errorResponses },
});
