import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ConnectionResponse,
  FeaturesResponse,
  type IntegrationFeatures,
  MetadataResponse,
  type SaveConnectionBody,
  TestResponse,
} from "../../common/contracts/jira-connection.ts";
import type { z } from "zod";
import { connectionHealthOf, HealthResponse } from "../../common/contracts/jira-health.ts";
import { api, isApiError, request } from "./client.ts";

type ConnectionAnswer = z.infer<typeof ConnectionResponse>;

const jiraKey = (workspaceId: string) => ["workspace", workspaceId, "jira"] as const;
const connectionKey = (workspaceId: string) => [...jiraKey(workspaceId), "connection"] as const;
const metadataKey = (workspaceId: string) => [...jiraKey(workspaceId), "metadata"] as const;
const featuresKey = (workspaceId: string) => [...jiraKey(workspaceId), "features"] as const;
// Under the connection's key: re-reading the connection (after a test) re-reads its health too.
const healthKey = (workspaceId: string) => [...connectionKey(workspaceId), "health"] as const;
const jiraPath = (workspaceId: string) => `/workspaces/${workspaceId}/integrations/jira`;

export function useJiraConnection(workspaceId: string) {
  return useQuery({
    queryKey: connectionKey(workspaceId),
    queryFn: () => api.get(`${jiraPath(workspaceId)}/connection`, ConnectionResponse),
  });
}

export function useSaveJiraConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveConnectionBody) => request("PUT", `${jiraPath(workspaceId)}/connection`, ConnectionResponse, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(connectionKey(workspaceId), saved);
      // A save clears the stored test: the health is known at once, no waiting for a refetch.
      queryClient.setQueryData(healthKey(workspaceId), { health: connectionHealthOf(saved.connection) });
      // Other projects may now be selected: the cached metadata summary may be stale.
      return queryClient.invalidateQueries({ queryKey: metadataKey(workspaceId) });
    },
  });
}

export function useRemoveJiraConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${jiraPath(workspaceId)}/connection`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jiraKey(workspaceId) }),
  });
}

/** The server caches the result on the connection (`lastTest`), so the connection is re-read afterwards. */
export function useTestJiraConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${jiraPath(workspaceId)}/connection/test`, TestResponse),
    onSuccess: ({ test }) => {
      queryClient.setQueryData(connectionKey(workspaceId), (cached: ConnectionAnswer | undefined) =>
        cached?.connection ? { connection: { ...cached.connection, lastTest: test } } : cached,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionKey(workspaceId) }),
  });
}

/** Cached metadata; `null` while there is no connection (the API answers 409 `not_connected`). */
export function useJiraMetadata(workspaceId: string) {
  return useQuery({
    queryKey: metadataKey(workspaceId),
    queryFn: async () => {
      try {
        return await api.get(`${jiraPath(workspaceId)}/metadata`, MetadataResponse);
      } catch (error) {
        if (isApiError(error, "not_connected")) return null;
        throw error;
      }
    },
  });
}

export function useRefreshJiraMetadata(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${jiraPath(workspaceId)}/metadata/refresh`, MetadataResponse),
    onSuccess: (fresh) => queryClient.setQueryData(metadataKey(workspaceId), fresh),
  });
}

export function useJiraFeatures(workspaceId: string) {
  return useQuery({
    queryKey: featuresKey(workspaceId),
    queryFn: () => api.get(`${jiraPath(workspaceId)}/features`, FeaturesResponse),
  });
}

export function useUpdateJiraFeatures(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<IntegrationFeatures>) => api.patch(`${jiraPath(workspaceId)}/features`, FeaturesResponse, changes),
    onSuccess: (features) => queryClient.setQueryData(featuresKey(workspaceId), features),
  });
}

/**
 * The connection's health from its last stored test (never a call to Jira): for the feature
 * switches and the banners on pages that depend on Jira. Not for Visitors (`enabled` false).
 */
export function useJiraHealth(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: healthKey(workspaceId),
    queryFn: () => api.get(`${jiraPath(workspaceId)}/health`, HealthResponse),
    enabled,
  });
}
