import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateCustomFieldBody,
  CustomFieldList,
  CustomFieldResponse,
  CustomFieldSettings,
  type UpdateCustomFieldBody,
} from "../../common/contracts/custom-fields.ts";
import { api, queryString, request } from "./client.ts";

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

/** Removes an option; an option in use needs `replaceWith` (another option id) or `clear` (else 409 custom_field_option_in_use). */
export const useRemoveCustomFieldOption = (workspaceId: string) =>
  useFieldMutation(workspaceId, ({ fieldId, optionId, replaceWith, clear }: { fieldId: string; optionId: string; replaceWith?: string; clear?: boolean }) =>
    request(
      "DELETE",
      `/workspaces/${workspaceId}/custom-fields/${fieldId}/options/${optionId}${queryString({ replaceWith, clear: clear ? "true" : undefined })}`,
      CustomFieldResponse,
    ),
  );

const settingsKey = (workspaceId: string) => ["workspace", workspaceId, "custom-field-settings"];

/** Whether Moderators may define fields (Admins always may). */
export function useCustomFieldSettings(workspaceId: string) {
  return useQuery({ queryKey: settingsKey(workspaceId), queryFn: () => api.get(`/workspaces/${workspaceId}/custom-field-settings`, CustomFieldSettings) });
}

export function useUpdateCustomFieldSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (moderatorsMayDefine: boolean) => request("PUT", `/workspaces/${workspaceId}/custom-field-settings`, CustomFieldSettings, { moderatorsMayDefine }),
    onSuccess: (result) => queryClient.setQueryData(settingsKey(workspaceId), result),
  });
}
