import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReplaceStatusesBody, StatusList, WorkspaceResponse } from "../../common/contracts/workspaces.ts";
import type { z } from "zod";
import { api, request } from "./client.ts";
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
