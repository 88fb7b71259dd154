import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseCaseStatus } from "../../common/contracts/workspaces.ts";
import { type UseCase, UseCaseCounts, UseCaseList, UseCaseResponse } from "../../common/contracts/use-cases.ts";
import { api, queryString, request } from "./client.ts";
import type { UseCaseFilters } from "./use-cases.ts";

export const boardPageSize = 50;

/** The board's own order (the rank users set by dragging) unless another sort is chosen. */
export const boardOrder = "boardRank";

// Under the use-case list key, so every use-case change also refreshes the board.
const columnKey = (workspaceId: string, statusId: string, filters: UseCaseFilters) => ["workspace", workspaceId, "use-cases", "board", statusId, filters];

/** One board column: the list endpoint narrowed to a single status, paged on demand. */
export function useBoardColumn(workspaceId: string, statusId: string, filters: UseCaseFilters) {
  return useInfiniteQuery({
    queryKey: columnKey(workspaceId, statusId, filters),
    queryFn: ({ pageParam }) =>
      api.get(
        `/workspaces/${workspaceId}/use-cases${queryString({ ...filters, sort: filters.sort ?? boardOrder, status: statusId, cursor: pageParam, limit: boardPageSize })}`,
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

export type MoveOnBoard = {
  useCase: UseCase;
  toStatus: UseCaseStatus;
  afterUseCaseId: string | null;
  beforeUseCaseId: string | null;
  filters: UseCaseFilters;
};

type ColumnData = InfiniteData<UseCaseList, string | undefined>;

/** The column as it will look: the card taken out, or put in after `afterUseCaseId` (first when null). */
function withCard(data: ColumnData | undefined, card: UseCase, place: { afterUseCaseId: string | null } | null): ColumnData | undefined {
  if (!data) return data;
  const pages = data.pages.map((page) => ({ ...page, useCases: page.useCases.filter((u) => u.id !== card.id) }));
  if (place) {
    const pageIndex = place.afterUseCaseId === null ? 0 : pages.findIndex((page) => page.useCases.some((u) => u.id === place.afterUseCaseId));
    const page = pages[Math.max(pageIndex, 0)];
    if (page) {
      const at = place.afterUseCaseId === null ? 0 : page.useCases.findIndex((u) => u.id === place.afterUseCaseId) + 1;
      page.useCases = [...page.useCases.slice(0, at), card, ...page.useCases.slice(at)];
    }
  }
  return { ...data, pages };
}

/**
 * Drag and drop: moves a card to a column and between two cards (PUT …/board-position). The
 * board shows the new place at once and refetches afterwards, so a refused move (409
 * `version_conflict` or `conflict`, 403) puts the card back where the server has it.
 */
export function useMoveOnBoard(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ useCase, toStatus, afterUseCaseId, beforeUseCaseId }: MoveOnBoard) =>
      request("PUT", `/workspaces/${workspaceId}/use-cases/${useCase.id}/board-position`, UseCaseResponse, {
        statusId: toStatus.id,
        afterUseCaseId,
        beforeUseCaseId,
        version: useCase.version,
      }),
    onMutate: async ({ useCase, toStatus, afterUseCaseId, filters }) => {
      const from = columnKey(workspaceId, useCase.status.id, filters);
      const to = columnKey(workspaceId, toStatus.id, filters);
      await queryClient.cancelQueries({ queryKey: from });
      await queryClient.cancelQueries({ queryKey: to });
      const moved: UseCase = { ...useCase, status: { id: toStatus.id, name: toStatus.name, category: toStatus.category } };
      queryClient.setQueryData<ColumnData>(from, (data) => withCard(data, useCase, null));
      queryClient.setQueryData<ColumnData>(to, (data) => withCard(data, moved, { afterUseCaseId }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId, "use-cases"] }),
  });
}
