import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { AuditLog, type ReplaceStatusesBody, StatusList, WorkspaceResponse } from "../../common/contracts/workspaces.ts";
import type { z } from "zod";
import { api, queryString, request } from "./client.ts";
import { workspacesKey } from "./workspaces.ts";

export function useRenameWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.patch(`/workspaces/${workspaceId}`, WorkspaceResponse, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspacesKey }),
  });
}

/** Saves the whole ordered workflow; statuses listed with their id keep it (and their use cases). */
export function useReplaceStatuses(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ReplaceStatusesBody>) => request("PUT", `/workspaces/${workspaceId}/statuses`, StatusList, body),
    // Renamed or reordered statuses show up in every use case and board column, not only in the list of statuses.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId] }),
  });
}

/** Setup changes, newest first, paged by the server's cursor. */
export function useAuditLog(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: ["workspace", workspaceId, "audit-log"],
    queryFn: ({ pageParam }) => api.get(`/workspaces/${workspaceId}/audit-log${queryString({ cursor: pageParam, limit: 25 })}`, AuditLog),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
