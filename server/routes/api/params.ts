import { z } from "zod";

/** Path parameters shared by workspace-scoped routes. */
export const WorkspaceParams = z.object({ workspaceId: z.uuid() });
export const workspacePath = "/workspaces/{workspaceId}";
