import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type ImportBody, ImportPreview, OpenConflict, type ResolveConflictBody, SyncJobProgress, SyncSettings } from "../../common/contracts/jira-reconcile.ts";
import { api, request } from "./client.ts";

const key = (workspaceId: string, ...rest: string[]) => ["workspace", workspaceId, "jira", ...rest] as const;
const path = (workspaceId: string) => `/workspaces/${workspaceId}/integrations/jira`;
/** Progress is polled while work runs. */
const whileRunning = (progress: SyncJobProgress | null | undefined) => (progress && (progress.state === "queued" || progress.state === "running") ? 1000 : false);

export function useSyncSettings(workspaceId: string) {
  return useQuery({ queryKey: key(workspaceId, "sync-settings"), queryFn: () => api.get(`${path(workspaceId)}/sync-settings`, SyncSettings) });
}

export function useSaveSyncSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reconcileIntervalSeconds: number }) => request("PUT", `${path(workspaceId)}/sync-settings`, SyncSettings, body),
    onSuccess: (saved) => queryClient.setQueryData(key(workspaceId, "sync-settings"), saved),
  });
}

export function useResyncProgress(workspaceId: string) {
  return useQuery({
    queryKey: key(workspaceId, "resync"),
    queryFn: () => api.get(`${path(workspaceId)}/resync`, z.object({ resync: SyncJobProgress.nullable() })),
    refetchInterval: (query) => whileRunning(query.state.data?.resync),
  });
}

export function useStartResync(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${path(workspaceId)}/resync`, SyncJobProgress),
    onSuccess: (resync) => queryClient.setQueryData(key(workspaceId, "resync"), { resync }),
  });
}

export function useImportPreview(workspaceId: string) {
  return useMutation({ mutationFn: (jql: string) => api.post(`${path(workspaceId)}/import/preview`, ImportPreview, { jql }) });
}

export function useStartImport(workspaceId: string) {
  return useMutation({ mutationFn: (body: ImportBody) => api.post(`${path(workspaceId)}/import`, SyncJobProgress, body) });
}

export function useImportProgress(workspaceId: string, jobId: string | null) {
  return useQuery({
    queryKey: key(workspaceId, "import", jobId ?? ""),
    queryFn: () => api.get(`${path(workspaceId)}/import/${jobId ?? ""}`, SyncJobProgress),
    enabled: jobId !== null,
    refetchInterval: (query) => whileRunning(query.state.data),
  });
}

export function useOpenConflicts(workspaceId: string) {
  return useQuery({ queryKey: key(workspaceId, "conflicts"), queryFn: () => api.get(`${path(workspaceId)}/conflicts`, z.object({ conflicts: z.array(OpenConflict) })) });
}

export function useResolveConflict(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, ...body }: ResolveConflictBody & { linkId: string }) => api.post(`${path(workspaceId)}/conflicts/${linkId}/resolve`, z.object({ remaining: z.int() }), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(workspaceId, "conflicts") }),
  });
}
