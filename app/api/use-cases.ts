import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CommentList,
  CommentResponse,
  type CreateUseCaseBody,
  HistoryList,
  type UpdateUseCaseBody,
  UseCaseList,
  UseCaseResponse,
} from "../../common/contracts/use-cases.ts";
import { api, queryString } from "./client.ts";

export type UseCaseFilters = {
  status?: string | undefined;
  assignee?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  /** Custom-field filters, each `<key>:<op>[:<value>]` (repeated `cf` parameters). */
  cf?: string[] | undefined;
};

const useCasesKey = (workspaceId: string) => ["workspace", workspaceId, "use-cases"] as const;
const useCaseKey = (workspaceId: string, useCaseId: string) => [...useCasesKey(workspaceId), useCaseId] as const;
const base = (workspaceId: string) => `/workspaces/${workspaceId}/use-cases`;

/** `enabled: false` holds the query back (while the filters are not known yet). */
export function useUseCaseList(workspaceId: string, filters: UseCaseFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...useCasesKey(workspaceId), "list", filters],
    queryFn: ({ pageParam }) =>
      api.get(`${base(workspaceId)}${queryString({ ...filters, cursor: pageParam, limit: 25 })}`, UseCaseList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUseCase(workspaceId: string, useCaseId: string) {
  return useQuery({
    queryKey: useCaseKey(workspaceId, useCaseId),
    queryFn: () => api.get(`${base(workspaceId)}/${useCaseId}`, UseCaseResponse),
  });
}

export function useCreateUseCase(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUseCaseBody) => api.post(base(workspaceId), UseCaseResponse, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: useCasesKey(workspaceId) }),
  });
}

export function useUpdateUseCase(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUseCaseBody) => api.patch(`${base(workspaceId)}/${useCaseId}`, UseCaseResponse, body),
    onSuccess: (result) => {
      queryClient.setQueryData(useCaseKey(workspaceId, useCaseId), result);
      return queryClient.invalidateQueries({ queryKey: useCasesKey(workspaceId) });
    },
  });
}

export function useDeleteUseCase(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${base(workspaceId)}/${useCaseId}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: useCaseKey(workspaceId, useCaseId) });
      return queryClient.invalidateQueries({ queryKey: useCasesKey(workspaceId) });
    },
  });
}

export function useComments(workspaceId: string, useCaseId: string) {
  return useQuery({
    queryKey: [...useCaseKey(workspaceId, useCaseId), "comments"],
    queryFn: () => api.get(`${base(workspaceId)}/${useCaseId}/comments`, CommentList),
  });
}

export function useAddComment(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post(`${base(workspaceId)}/${useCaseId}/comments`, CommentResponse, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...useCaseKey(workspaceId, useCaseId), "comments"] }),
  });
}

export function useEditComment(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
      api.patch(`${base(workspaceId)}/${useCaseId}/comments/${commentId}`, CommentResponse, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...useCaseKey(workspaceId, useCaseId), "comments"] }),
  });
}

export function useDeleteComment(workspaceId: string, useCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete(`${base(workspaceId)}/${useCaseId}/comments/${commentId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...useCaseKey(workspaceId, useCaseId), "comments"] }),
  });
}

export function useHistory(workspaceId: string, useCaseId: string) {
  return useInfiniteQuery({
    queryKey: [...useCaseKey(workspaceId, useCaseId), "history"],
    queryFn: ({ pageParam }) =>
      api.get(`${base(workspaceId)}/${useCaseId}/history${queryString({ cursor: pageParam })}`, HistoryList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
