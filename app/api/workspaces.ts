import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  InvitationPreview,
  MemberList,
  MemberResponse,
  type Role,
  StatusList,
  WorkspaceList,
  WorkspaceResponse,
} from "../../common/contracts/workspaces.ts";
import { api } from "./client.ts";

export const workspacesKey = ["workspaces"] as const;
const workspaceKey = (workspaceId: string) => ["workspace", workspaceId] as const;

export function useWorkspaces(enabled = true) {
  return useQuery({ queryKey: workspacesKey, queryFn: () => api.get("/workspaces", WorkspaceList), enabled });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post("/workspaces", WorkspaceResponse, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspacesKey }),
  });
}

export function useStatuses(workspaceId: string) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "statuses"],
    queryFn: () => api.get(`/workspaces/${workspaceId}/statuses`, StatusList),
    staleTime: 60_000,
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "members"],
    queryFn: () => api.get(`/workspaces/${workspaceId}/members`, MemberList),
    staleTime: 60_000,
  });
}

export function useUpdateMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch(`/workspaces/${workspaceId}/members/${userId}`, MemberResponse, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/workspaces/${workspaceId}/members/${userId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get(`/invitations/${encodeURIComponent(token)}`, InvitationPreview),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post(`/invitations/${encodeURIComponent(token)}/accept`, WorkspaceResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspacesKey }),
  });
}
