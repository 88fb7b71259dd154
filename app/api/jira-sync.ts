import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type JiraMapping, JiraMapping as JiraMappingSchema, MappingImpact, MappingResponse } from "../../common/contracts/jira-mapping.ts";
import { JiraLink, type LinkBody, SyncLogPage, UseCaseJiraResponse } from "../../common/contracts/jira-sync.ts";
import { api, isApiError, queryString, request, requestNoContent } from "./client.ts";

/** The mapping as GET answers it, with the re-sync progress since it was last saved. */
export const MappingAnswer = MappingResponse.extend({ resync: z.object({ total: z.int(), done: z.int() }) });
export type MappingAnswer = z.infer<typeof MappingAnswer>;
const SaveMappingAnswer = z.object({ mapping: JiraMappingSchema, version: z.int().nullable(), dryRun: z.boolean(), impact: MappingImpact });

export type SyncLogFilters = {
  outcome?: string | undefined;
  direction?: string | undefined;
  operation?: string | undefined;
  issueKey?: string | undefined;
  useCaseId?: string | undefined;
};

const jiraPath = (workspaceId: string) => `/workspaces/${workspaceId}/integrations/jira`;
const mappingKey = (workspaceId: string) => ["workspace", workspaceId, "jira", "mapping"] as const;
const syncLogKey = (workspaceId: string) => ["workspace", workspaceId, "jira", "sync-log"] as const;
const useCaseJiraKey = (workspaceId: string, useCaseId: string) => ["workspace", workspaceId, "use-cases", useCaseId, "jira"] as const;
const useCaseJiraPath = (workspaceId: string, useCaseId: string) => `/workspaces/${workspaceId}/use-cases/${useCaseId}/jira`;

/** The mapping (or the proposed default); polled while a re-sync after a save is still running. */
export function useJiraMapping(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: mappingKey(workspaceId),
    queryFn: () => api.get(`${jiraPath(workspaceId)}/mapping`, MappingAnswer),
    enabled,
    retry: false,
    refetchInterval: (query) => {
      const resync = query.state.data?.resync;
      return resync && resync.done < resync.total ? 1_500 : false;
    },
  });
}

/** `dryRun` only says what would change; a real save re-reads the mapping (version, progress). */
export function useSaveJiraMapping(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mapping, version, dryRun }: { mapping: JiraMapping; version: number; dryRun: boolean }) =>
      request("PUT", `${jiraPath(workspaceId)}/mapping${queryString({ dryRun: dryRun ? "true" : undefined })}`, SaveMappingAnswer, { ...mapping, version }),
    onSuccess: (answer) => (answer.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: mappingKey(workspaceId) })),
  });
}

/** The use case's Jira panel; `null` when the integration does not exist for this caller (Visitors get 404). */
export function useUseCaseJira(workspaceId: string, useCaseId: string) {
  return useQuery({
    queryKey: useCaseJiraKey(workspaceId, useCaseId),
    queryFn: async () => {
      try {
        return await api.get(useCaseJiraPath(workspaceId, useCaseId), UseCaseJiraResponse);
      } catch (error) {
        if (isApiError(error, "not_found")) return null;
        throw error;
      }
    },
    refetchInterval: (query) => {
      const link = query.state.data?.link;
      if (!link) return false;
      // While Jira has not caught up, poll briskly; otherwise watch for changes coming from Jira.
      return link.state === "creating" || link.state === "pending" || link.state === "retrying" ? 1_000 : 2_000;
    },
  });
}

function useUseCaseJiraMutation<T>(workspaceId: string, useCaseId: string, call: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId, "use-cases", useCaseId] }),
  });
}

export function useLinkUseCase(workspaceId: string, useCaseId: string) {
  return useUseCaseJiraMutation(workspaceId, useCaseId, (body: LinkBody) =>
    api.post(`${useCaseJiraPath(workspaceId, useCaseId)}/link`, z.object({ link: JiraLink }), body),
  );
}

export function useUnlinkUseCase(workspaceId: string, useCaseId: string) {
  return useUseCaseJiraMutation(workspaceId, useCaseId, ({ deleteInJira }: { deleteInJira: boolean }) =>
    requestNoContent("DELETE", `${useCaseJiraPath(workspaceId, useCaseId)}/link${queryString({ deleteInJira: deleteInJira ? "true" : undefined })}`),
  );
}

export function useSyncUseCaseNow(workspaceId: string, useCaseId: string) {
  return useUseCaseJiraMutation(workspaceId, useCaseId, () => api.post(`${useCaseJiraPath(workspaceId, useCaseId)}/sync`, z.object({ link: JiraLink })));
}

/** The workspace's sync log, newest first, paged by the server's cursor. */
export function useSyncLog(workspaceId: string, filters: SyncLogFilters) {
  return useInfiniteQuery({
    queryKey: [...syncLogKey(workspaceId), filters],
    queryFn: ({ pageParam }) => api.get(`${jiraPath(workspaceId)}/sync-log${queryString({ ...filters, cursor: pageParam, limit: 50 })}`, SyncLogPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
