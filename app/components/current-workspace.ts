import { useParams } from "react-router";
import type { Role, WorkspaceSummary } from "../../common/contracts/workspaces.ts";
import { useWorkspaces } from "../api/workspaces.ts";

const lastWorkspaceStorageKey = "tether.lastWorkspaceId";

export function rememberLastWorkspace(workspaceId: string): void {
  localStorage.setItem(lastWorkspaceStorageKey, workspaceId);
}

export function lastWorkspaceId(): string | null {
  return localStorage.getItem(lastWorkspaceStorageKey);
}

/**
 * The workspace named in the URL (pages outside a workspace, like account settings, keep the one
 * used last) and the caller's role in it; undefined while loading or when not a member.
 */
export function useCurrentWorkspace(): { workspaceId: string; workspace: WorkspaceSummary | undefined; isPending: boolean } {
  const workspaceId = useParams().workspaceId ?? lastWorkspaceId() ?? "";
  const workspaces = useWorkspaces();
  const workspace = workspaces.data?.workspaces.find((w) => w.id === workspaceId);
  return { workspaceId, workspace, isPending: workspaces.isPending };
}

/** What the UI offers; the server decides anyway (server/policies/roles.ts). */
export const can = {
  manageMembers: (role: Role | undefined) => role === "admin",
  createUseCase: (role: Role | undefined) => role === "admin" || role === "moderator" || role === "member",
};
