import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import {
  CreateCustomFieldBody,
  CustomFieldList,
  CustomFieldResponse,
  CustomFieldSettings,
  CustomFieldSettingsBody,
  RemoveOptionQuery,
  ReorderCustomFieldsBody,
  UpdateCustomFieldBody,
} from "../../../../common/contracts/custom-fields.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";

const tags = ["custom fields"];
const fieldsPath = `${workspacePath}/custom-fields`;
const fieldPath = `${fieldsPath}/{fieldId}`;
const FieldParams = WorkspaceParams.extend({ fieldId: z.uuid() });
const OptionParams = FieldParams.extend({ optionId: z.string().max(40) });
const define = { kind: "workspace", action: "customFields.define" } as const;
const definers = "Admins; Moderators too where the workspace allows it (custom-field settings).";

export const listCustomFieldsRoute = defineRoute({
  method: "get",
  path: fieldsPath,
  operationId: "listCustomFields",
  tags,
  summary: "The use-case template's custom fields, in form order",
  description: "Every custom field of the workspace, archived ones included (flagged `archived`). Any member may call it.",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(CustomFieldList, "The fields"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const createCustomFieldRoute = defineRoute({
  method: "post",
  path: fieldsPath,
  operationId: "createCustomField",
  tags,
  summary: "Add a custom field to the template",
  description: `Adds a field at the end of the template. Option ids are made by the server and stay stable. Who may call it: ${definers}`,
  access: define,
  request: { params: WorkspaceParams, body: jsonBody(CreateCustomFieldBody, { key: "delivery_phase", name: "Delivery phase", type: "singleSelect", helpText: "Where the use case stands in delivery", options: [{ label: "Discovery", color: "blue" }, { label: "Delivery", color: "green" }] }) },
  responses: {
    201: json(CustomFieldResponse, "Created"),
    ...errorResponses,
    409: json(ErrorResponse, "The key is taken (code: conflict)"),
  },
});

export const updateCustomFieldRoute = defineRoute({
  method: "patch",
  path: fieldPath,
  operationId: "updateCustomField",
  tags,
  summary: "Rename, retype, change options, archive or restore a custom field",
  description:
    "The key never changes. A new type or tighter rules apply only when every stored value converts; otherwise nothing changes " +
    `and the 409 lists the use cases whose values do not. Who may call it: ${definers}`,
  access: define,
  request: { params: FieldParams, body: jsonBody(UpdateCustomFieldBody, { name: "Delivery stage", required: true, version: 2 }) },
  responses: {
    200: json(CustomFieldResponse, "Updated"),
    ...errorResponses,
    409: json(ErrorResponse, "Values would not convert, an option left out is in use, or the field changed since you read it (codes: custom_field_conversion_failed, custom_field_option_in_use, version_conflict; details.failures lists the values that would not convert)"),
  },
});

export const reorderCustomFieldsRoute = defineRoute({
  method: "put",
  path: `${fieldsPath}/order`,
  operationId: "reorderCustomFields",
  tags,
  summary: "Set the template's field order",
  description: `Lists every field of the workspace once, in the new order. Who may call it: ${definers}`,
  access: define,
  request: { params: WorkspaceParams, body: jsonBody(ReorderCustomFieldsBody, { fieldIds: ["0b8f6c52-6f7e-4f57-9d8a-0d4a4d1f2c11", "5d1f0a9e-2f8b-4c1e-8a51-7c3e9b0d6a22"] }) },
  responses: { 200: json(CustomFieldList, "The fields in their new order"), ...errorResponses },
});

export const removeCustomFieldOptionRoute = defineRoute({
  method: "delete",
  path: `${fieldPath}/options/{optionId}`,
  operationId: "removeCustomFieldOption",
  tags,
  summary: "Remove an option of a select field, saying what happens to its values",
  description:
    "Use cases holding the option get `replaceWith` (another option) or, with `clear=true`, lose it; each change is in their history. " +
    `Without either, an option in use is refused with how many use cases hold it. Who may call it: ${definers}`,
  access: define,
  request: { params: OptionParams, query: RemoveOptionQuery },
  responses: {
    200: json(CustomFieldResponse, "The field without the option"),
    ...errorResponses,
    409: json(ErrorResponse, "The option is in use and no replaceWith or clear was given (code: custom_field_option_in_use)"),
  },
});

export const getCustomFieldSettingsRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/custom-field-settings`,
  operationId: "getCustomFieldSettings",
  tags,
  summary: "Who may define custom fields",
  description: "Whether Moderators may define custom fields (Admins always may). Any member may call it.",
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: WorkspaceParams },
  responses: { 200: json(CustomFieldSettings, "The settings"), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateCustomFieldSettingsRoute = defineRoute({
  method: "put",
  path: `${workspacePath}/custom-field-settings`,
  operationId: "updateCustomFieldSettings",
  tags,
  summary: "Let Moderators define custom fields, or not",
  description: "Lets Moderators define custom fields, or keeps that to Admins. Who may call it: Admins only.",
  access: { kind: "workspace", action: "workspace.update" },
  request: { params: WorkspaceParams, body: jsonBody(CustomFieldSettingsBody, { moderatorsMayDefine: true }) },
  responses: { 200: json(CustomFieldSettings, "The settings"), ...errorResponses },
});
