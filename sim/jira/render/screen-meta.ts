import type { ScreenField, ScreenKind } from "../model/screens.ts";
import type { FieldDef, SimProject } from "../model/types.ts";
import { apiBase, type RenderContext } from "./context.ts";
import { renderIssueType, renderPriority, renderProjectRef } from "./meta.ts";

type Json = Record<string, unknown>;

function operations(field: FieldDef): string[] {
  if (field.id === "labels") return ["add", "set", "remove"];
  if (field.id === "comment") return ["add", "edit", "remove"];
  return ["set"];
}

function allowedValues(ctx: RenderContext, field: FieldDef, project: SimProject, issueTypeId: string): unknown[] | undefined {
  const catalog = ctx.store.catalog;
  if (field.id === "priority") return catalog.priorities.map((priority) => renderPriority(ctx, priority));
  if (field.id === "project") return [renderProjectRef(ctx, project)];
  if (field.id === "issuetype") return catalog.issueTypes.filter((type) => type.id === issueTypeId).map((type) => renderIssueType(ctx, type));
  if (field.options) return field.options.map((option) => ({ self: `${apiBase(ctx)}/customFieldOption/${option.id}`, value: option.value, id: option.id }));
  return undefined;
}

function autoCompleteUrl(ctx: RenderContext, field: FieldDef, project: SimProject): string | undefined {
  if (field.id === "assignee") return `${apiBase(ctx)}/user/assignable/search?project=${project.key}&query=`;
  if (field.id === "reporter") return `${apiBase(ctx)}/user/search?query=`;
  if (field.id === "labels") return `${ctx.baseUrl}/rest/api/1.0/labels/suggest?query=`;
  return undefined;
}

/**
 * One field as editmeta/createmeta describe it. Cloud names the field `key` (createmeta adds
 * `fieldId`); Data Center names it `fieldId`.
 */
export function renderScreenField(ctx: RenderContext, entry: ScreenField, kind: ScreenKind, project: SimProject, issueTypeId: string): Json | null {
  const catalog = ctx.store.catalog;
  const field = catalog.fields.find((candidate) => candidate.id === entry.fieldId);
  if (!field) return null;
  const cloud = ctx.store.flavor === "cloud";
  const values = allowedValues(ctx, field, project, issueTypeId);
  const autoComplete = autoCompleteUrl(ctx, field, project);
  const defaultPriority = kind === "create" && field.id === "priority" ? catalog.priorities.find((priority) => priority.id === catalog.defaultPriorityId) : undefined;
  return {
    required: entry.required,
    schema: field.schema ?? { type: "any" },
    name: field.name,
    ...(cloud ? { key: field.id } : {}),
    ...(!cloud || kind === "create" ? { fieldId: field.id } : {}),
    ...(autoComplete ? { autoCompleteUrl: autoComplete } : {}),
    hasDefaultValue: defaultPriority !== undefined,
    operations: operations(field),
    ...(values ? { allowedValues: values } : {}),
    ...(defaultPriority ? { defaultValue: renderPriority(ctx, defaultPriority) } : {}),
  };
}
