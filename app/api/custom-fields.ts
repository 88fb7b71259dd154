import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CreateCustomFieldBody, CustomFieldList, CustomFieldResponse, type UpdateCustomFieldBody } from "../../common/contracts/custom-fields.ts";
import { api, request } from "./client.ts";

const customFieldsKey = (workspaceId: string) => ["workspace", workspaceId, "custom-fields"];

/** The template's custom fields, archived ones included, in form order. */
export function useCustomFields(workspaceId: string) {
  return useQuery({
    queryKey: customFieldsKey(workspaceId),
    queryFn: () => api.get(`/workspaces/${workspaceId}/custom-fields`, CustomFieldList),
    staleTime: 60_000,
  });
}

function useFieldMutation<T>(workspaceId: string, mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  // Definitions shape every use case's form and values (a retype converts them): refresh the workspace's queries.
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId] }) });
}

export const useCreateCustomField = (workspaceId: string) =>
  useFieldMutation(workspaceId, (body: CreateCustomFieldBody) => request("POST", `/workspaces/${workspaceId}/custom-fields`, CustomFieldResponse, body));

export const useUpdateCustomField = (workspaceId: string) =>
  useFieldMutation(workspaceId, ({ fieldId, body }: { fieldId: string; body: UpdateCustomFieldBody }) =>
    request("PATCH", `/workspaces/${workspaceId}/custom-fields/${fieldId}`, CustomFieldResponse, body),
  );

export const useReorderCustomFields = (workspaceId: string) =>
  useFieldMutation(workspaceId, (fieldIds: string[]) => request("PUT", `/workspaces/${workspaceId}/custom-fields/order`, CustomFieldList, { fieldIds }));
