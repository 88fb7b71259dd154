import { z } from "zod";
import type { SimStore } from "../model/store.ts";
import type { ApiVersion, CustomValue, RichText } from "../model/types.ts";
import { templateField } from "../model/template-fields.ts";
import { parseTemplateFieldValue } from "./template-field-input.ts";
import { parseLabels, parseRichText, parseUserRef, type FieldErrors } from "./field-values.ts";

export { FieldErrors, parseRichText, storedRichText } from "./field-values.ts";

/** A create/edit/transition request's field values, resolved to the sim's records. */
export type IssueInput = {
  summary?: string;
  description?: RichText | null;
  projectId?: string;
  issueTypeId?: string;
  assigneeKey?: string | null;
  reporterKey?: string | null;
  priorityId?: string | null;
  labels?: { set?: string[]; add: string[]; remove: string[] };
  dueDate?: string | null;
  parentId?: number | null;
  epicLinkId?: number | null;
  epicName?: string | null;
  sprintId?: number | null;
  resolutionId?: string | null;
  custom?: Record<string, CustomValue>;
  comments?: RichText[];
};

export type FieldInputContext = {
  store: SimStore;
  version: ApiVersion;
  /** Fields a transition screen allows in addition to the always-editable ones. */
  screenFields?: ReadonlySet<string>;
  mode: "create" | "edit" | "transition";
};

const idOrName = z.union([z.object({ id: z.union([z.string(), z.number()]).transform(String) }), z.object({ name: z.string() })]);
const projectRef = z.union([z.object({ id: z.union([z.string(), z.number()]).transform(String) }), z.object({ key: z.string() })]);
const issueRef = z.union([z.object({ key: z.string() }), z.object({ id: z.union([z.string(), z.number()]).transform(String) })]);
const optionRef = z.union([z.object({ value: z.string() }), z.object({ id: z.union([z.string(), z.number()]).transform(String) })]).nullable();

const notSettable = (fieldId: string) => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

const alwaysReadOnly = new Set([
  "status",
  "created",
  "updated",
  "creator",
  "resolutiondate",
  "issuelinks",
  "subtasks",
  "comment",
  "statuscategorychangedate",
  "issuekey",
]);

export function parseIssueFields(
  ctx: FieldInputContext,
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
  errors: FieldErrors,
): IssueInput {
  const input: IssueInput = {};
  const { store } = ctx;
  const catalog = store.catalog;
  const ids = catalog.customFieldIds;
  const known = new Set(catalog.fields.map((field) => field.id));

  for (const [fieldId, raw] of Object.entries(fields)) {
    if (!known.has(fieldId) || alwaysReadOnly.has(fieldId) || fieldId === ids.rank) {
      errors.add(fieldId, notSettable(fieldId));
      continue;
    }
    if (fieldId === "resolution" && ctx.mode !== "transition") {
      errors.add(fieldId, notSettable(fieldId));
      continue;
    }
    if ((fieldId === "project" || fieldId === "issuetype") && ctx.mode !== "create") {
      if (fieldId === "project") continue; // Jira ignores an unchanged project on edit
      errors.add(fieldId, notSettable(fieldId));
      continue;
    }
    if (fieldId === "parent" && ctx.mode === "transition") {
      errors.add(fieldId, notSettable(fieldId));
      continue;
    }
    applyField(ctx, input, fieldId, raw, errors);
  }

  for (const [fieldId, rawOps] of Object.entries(update)) {
    const ops = z.array(z.record(z.string(), z.unknown())).safeParse(rawOps);
    if (!ops.success) {
      errors.add(fieldId, `Field '${fieldId}': operations must be an array.`);
      continue;
    }
    if (fieldId === "comment") {
      for (const op of ops.data) {
        const body = z.object({ add: z.object({ body: z.unknown() }).loose() }).safeParse(op);
        if (!body.success) errors.add("comment", "Comment operations support 'add' only.");
        else {
          const text = parseRichText(ctx.version, body.data.add.body, "comment", errors);
          if (text) (input.comments ??= []).push(text);
        }
      }
      continue;
    }
    if (!known.has(fieldId) || alwaysReadOnly.has(fieldId) || (fieldId === "resolution" && ctx.mode !== "transition")) {
      errors.add(fieldId, notSettable(fieldId));
      continue;
    }
    if (fieldId in fields) {
      errors.add(fieldId, `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`);
      continue;
    }
    for (const op of ops.data) {
      const [verb] = Object.keys(op);
      const value = verb ? op[verb] : undefined;
      if (fieldId === "labels" && (verb === "add" || verb === "remove" || verb === "set")) {
        input.labels ??= { add: [], remove: [] };
        if (verb === "set") {
          const labels = parseLabels(value, errors);
          if (labels) input.labels.set = labels;
        } else if (typeof value === "string") input.labels[verb].push(value);
        else errors.add("labels", "Label operations take a string value.");
      } else if (verb === "set") applyField(ctx, input, fieldId, value, errors);
      else errors.add(fieldId, `Operation '${verb ?? ""}' is not supported for field '${fieldId}'.`);
    }
  }
  return input;
}

function applyField(ctx: FieldInputContext, input: IssueInput, fieldId: string, raw: unknown, errors: FieldErrors): void {
  const { store } = ctx;
  const catalog = store.catalog;
  const ids = catalog.customFieldIds;
  switch (fieldId) {
    case "summary": {
      if (typeof raw !== "string" || raw.trim() === "") errors.add("summary", "You must specify a summary of the issue.");
      else if (raw.length > 255) errors.add("summary", "Summary must be less than 255 characters.");
      else input.summary = raw;
      return;
    }
    case "description": {
      if (raw === null) input.description = null;
      else {
        const text = parseRichText(ctx.version, raw, "description", errors);
        if (text) input.description = text;
      }
      return;
    }
    case "project": {
      const ref = projectRef.safeParse(raw);
      const project = ref.success ? store.projectByIdOrKey("id" in ref.data ? ref.data.id : ref.data.key) : undefined;
      if (!project) errors.add("project", "Specify a valid project ID or key");
      else input.projectId = project.id;
      return;
    }
    case "issuetype": {
      const ref = idOrName.safeParse(raw);
      const type = ref.success
        ? catalog.issueTypes.find((candidate) => ("id" in ref.data ? candidate.id === ref.data.id : candidate.name === ref.data.name))
        : undefined;
      if (!type) errors.add("issuetype", "Specify a valid issue type");
      else input.issueTypeId = type.id;
      return;
    }
    case "assignee":
    case "reporter": {
      const user = parseUserRef(store, raw, fieldId, errors);
      if (user === undefined) return;
      if (fieldId === "assignee") input.assigneeKey = user === null ? null : user.key;
      else if (user === null) errors.add("reporter", "Reporter is required.");
      else input.reporterKey = user.key;
      return;
    }
    case "priority": {
      const ref = idOrName.nullable().safeParse(raw);
      if (!ref.success) return errors.add("priority", "Specify the Priority (id or name) in the string format");
      if (ref.data === null) {
        input.priorityId = null;
        return;
      }
      const data = ref.data;
      const priority = catalog.priorities.find((candidate) => ("id" in data ? candidate.id === data.id : candidate.name === data.name));
      if (!priority) errors.add("priority", `Priority name '${"name" in data ? data.name : data.id}' is not valid`);
      else input.priorityId = priority.id;
      return;
    }
    case "labels": {
      const labels = parseLabels(raw, errors);
      if (labels) input.labels = { set: labels, add: [], remove: [] };
      return;
    }
    case "duedate": {
      if (raw === null) input.dueDate = null;
      else if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) input.dueDate = raw;
      else errors.add("duedate", `Error parsing date string: ${String(raw)}`);
      return;
    }
    case "parent": {
      if (raw === null) {
        input.parentId = null;
        return;
      }
      const ref = issueRef.safeParse(raw);
      const parent = ref.success ? store.issueByIdOrKey("key" in ref.data ? ref.data.key : ref.data.id) : undefined;
      if (!parent) errors.add("parent", "Could not find issue by id or key.");
      else input.parentId = parent.id;
      return;
    }
    case "resolution": {
      const ref = idOrName.nullable().safeParse(raw);
      if (!ref.success) return errors.add("resolution", "Could not find valid 'id' or 'name' in resolution object.");
      if (ref.data === null) {
        input.resolutionId = null;
        return;
      }
      const data = ref.data;
      const resolution = catalog.resolutions.find((candidate) => ("id" in data ? candidate.id === data.id : candidate.name === data.name));
      if (!resolution) errors.add("resolution", `Resolution name '${"name" in data ? data.name : data.id}' is not valid`);
      else input.resolutionId = resolution.id;
      return;
    }
    default:
      break;
  }
  if (fieldId === ids.storyPoints || fieldId === ids.wsjf || catalog.fields.find((field) => field.id === fieldId)?.schema?.type === "number") {
    if (raw === null || (typeof raw === "number" && Number.isFinite(raw))) (input.custom ??= {})[fieldId] = raw;
    else errors.add(fieldId, "Operation value must be a number");
    return;
  }
  if (fieldId === ids.riskLevel) {
    const ref = optionRef.safeParse(raw);
    const options = catalog.fields.find((field) => field.id === fieldId)?.options ?? [];
    if (!ref.success) return errors.add(fieldId, "Could not find valid 'id' or 'value' in the Parent Option object.");
    if (ref.data === null) {
      (input.custom ??= {})[fieldId] = null;
      return;
    }
    const data = ref.data;
    const option = options.find((candidate) => ("value" in data ? candidate.value === data.value : candidate.id === data.id));
    if (!option) errors.add(fieldId, `Option value '${"value" in data ? data.value : data.id}' is not valid`);
    else (input.custom ??= {})[fieldId] = option.id;
    return;
  }
  if (fieldId === ids.sprint) {
    if (raw === null) input.sprintId = null;
    else if (typeof raw === "number" && store.sprints.has(raw)) input.sprintId = raw;
    else errors.add(fieldId, "Number value expected as the Sprint id.");
    return;
  }
  if (fieldId === ids.epicLink) {
    if (raw === null) {
      input.epicLinkId = null;
      return;
    }
    const epic = typeof raw === "string" ? store.issueByIdOrKey(raw) : undefined;
    if (!epic) errors.add(fieldId, `The issue ${String(raw)} does not exist or you do not have permission to see it.`);
    else input.epicLinkId = epic.id;
    return;
  }
  if (fieldId === ids.epicName) {
    if (raw === null || typeof raw === "string") input.epicName = raw;
    else errors.add(fieldId, "Epic Name must be a string.");
    return;
  }
  const template = templateField(catalog.flavor, fieldId);
  if (template) {
    const value = parseTemplateFieldValue(store, ctx.version, template, raw, errors);
    if (value !== undefined) (input.custom ??= {})[fieldId] = value;
    return;
  }
  errors.add(fieldId, notSettable(fieldId));
}

