import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreateInvitationResponse, InvitationList, type Role } from "../../common/contracts/workspaces.ts";
import { api } from "./client.ts";

const invitationsKey = (workspaceId: string) => ["workspace", workspaceId, "invitations"] as const;

export function useInvitations(workspaceId: string) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    queryFn: () => api.get(`/workspaces/${workspaceId}/invitations`, InvitationList),
  });
}

export function useCreateInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { role: Role; email?: string }) =>
      api.post(`/workspaces/${workspaceId}/invitations`, CreateInvitationResponse, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`/workspaces/${workspaceId}/invitations/${invitationId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}
