import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UseCaseCounts, UseCaseList, UseCaseResponse } from "../../common/contracts/use-cases.ts";
import { api, queryString } from "./client.ts";
import type { UseCaseFilters } from "./use-cases.ts";

export const boardPageSize = 50;

/** One board column: the list endpoint narrowed to a single status, paged on demand. */
export function useBoardColumn(workspaceId: string, statusId: string, filters: UseCaseFilters) {
  return useInfiniteQuery({
    // Under the use-case list key, so every use-case change also refreshes the board.
    queryKey: ["workspace", workspaceId, "use-cases", "board", statusId, filters],
    queryFn: ({ pageParam }) =>
      api.get(
        `/workspaces/${workspaceId}/use-cases${queryString({ ...filters, status: statusId, cursor: pageParam, limit: boardPageSize })}`,
        UseCaseList,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** How many use cases each column holds under the board's filters (one request shared by all columns). */
export function useUseCaseCounts(workspaceId: string, filters: UseCaseFilters) {
  const { sort: _sort, ...countFilters } = filters;
  return useQuery({
    queryKey: ["workspace", workspaceId, "use-cases", "counts", countFilters],
    queryFn: () => api.get(`/workspaces/${workspaceId}/use-case-counts${queryString(countFilters)}`, UseCaseCounts),
  });
}

export type MoveUseCase = { useCaseId: string; version: number; statusId: string };

/** Moves a use case to another status, refused with 409 `version_conflict` when someone changed it meanwhile. */
export function useMoveUseCase(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ useCaseId, version, statusId }: MoveUseCase) =>
      api.patch(`/workspaces/${workspaceId}/use-cases/${useCaseId}`, UseCaseResponse, { version, statusId }),
    // Refetch after a conflict too: the board must show what the server holds now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId, "use-cases"] }),
  });
}
