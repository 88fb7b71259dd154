import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type SaveWebhookBody, VerifyWebhookResult, WebhookSecret, WebhookView } from "../../common/contracts/jira-webhook.ts";
import { api, isApiError, request } from "./client.ts";

const webhookKey = (workspaceId: string) => ["workspace", workspaceId, "jira", "webhook"] as const;
const webhookPath = (workspaceId: string) => `/workspaces/${workspaceId}/integrations/jira/webhook`;

/** The webhook's state; `null` while Jira is not connected (409 `not_connected`). */
export function useJiraWebhook(workspaceId: string) {
  return useQuery({
    queryKey: webhookKey(workspaceId),
    queryFn: async () => {
      try {
        return await api.get(webhookPath(workspaceId), WebhookView);
      } catch (error) {
        if (isApiError(error, "not_connected")) return null;
        throw error;
      }
    },
  });
}

export function useRegisterJiraWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${webhookPath(workspaceId)}/register`, WebhookView),
    onSuccess: (view) => queryClient.setQueryData(webhookKey(workspaceId), view),
  });
}

export function useSaveJiraWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveWebhookBody) => request("PUT", webhookPath(workspaceId), WebhookView, body),
    onSuccess: (view) => queryClient.setQueryData(webhookKey(workspaceId), view),
  });
}

export function useVerifyJiraWebhook(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${webhookPath(workspaceId)}/verify`, VerifyWebhookResult, { timeoutSeconds: 30 }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKey(workspaceId) }),
  });
}

export function useRevealJiraWebhookSecret(workspaceId: string) {
  return useMutation({ mutationFn: () => api.post(`${webhookPath(workspaceId)}/secret`, WebhookSecret) });
}
