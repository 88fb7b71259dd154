import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { EpicIssuesPage, type EpicIssueSort, type StatusCategory } from "../../common/contracts/jira-listing.ts";
import { api, queryString } from "./client.ts";

export type EpicIssueFilters = { type?: string; assignee?: string; status?: string; category?: StatusCategory; q?: string; sort: EpicIssueSort };

const listingKey = (workspaceId: string, useCaseId: string) => ["workspace", workspaceId, "use-case", useCaseId, "jira-issues"] as const;
const path = (workspaceId: string, useCaseId: string) => `/workspaces/${workspaceId}/use-cases/${useCaseId}/jira/issues`;

/**
 * The linked Epic's issues, page by page ("Load more"); errors are not retried (Jira's own retries
 * ran on the server). `epicKey` is the link's issue key as the Jira panel knows it: when a use case
 * gets linked (or its Epic created) on the open page, the list loads without a reload.
 */
export function useEpicIssues(workspaceId: string, useCaseId: string, filters: EpicIssueFilters, epicKey: string | null) {
  return useInfiniteQuery({
    queryKey: [...listingKey(workspaceId, useCaseId), epicKey, filters],
    queryFn: ({ pageParam }) => api.get(`${path(workspaceId, useCaseId)}${queryString({ ...filters, limit: 50, cursor: pageParam })}`, EpicIssuesPage),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

/** "Refresh": loads the Epic from Jira now, then shows the new list from its first page. */
export function useRefreshEpicIssues(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await api.get(`${path(workspaceId, useCaseId)}${queryString({ refresh: "true", limit: 1 })}`, EpicIssuesPage);
    await queryClient.resetQueries({ queryKey: listingKey(workspaceId, useCaseId) });
  };
}
