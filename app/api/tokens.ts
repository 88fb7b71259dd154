import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiTokenList, CreateApiTokenResponse } from "../../common/contracts/auth.ts";
import { api } from "./client.ts";

const tokensKey = ["me", "tokens"] as const;

export function useApiTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get("/me/tokens", ApiTokenList) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post("/me/tokens", CreateApiTokenResponse, { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.delete(`/me/tokens/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
