import type { CustomField, CustomFieldType } from "../../common/contracts/custom-fields.ts";
import { sortableTypes } from "../../common/custom-fields/values.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import type { SortValueKind } from "../models/use-case-cursor.ts";
import type { CustomFieldFilter, FieldValueColumn } from "../models/use-case-field-filters.ts";
import { likePattern } from "../models/use-case-list.ts";
import type { FieldSort } from "../models/use-case-list-by-field.ts";
import { workspaceCustomFields } from "./custom-field-values.ts";

const badQuery = (path: string, message: string) =>
  new AppError("validation_failed", `Invalid request query: ${path}: ${message}`, [{ path, code: "invalid_value", message }]);

/** Where each type's value is compared and sorted, and how its sort value travels in a cursor. */
const typedColumn: Partial<Record<CustomFieldType, { column: FieldValueColumn; kind: SortValueKind }>> = {
  shortText: { column: "sort_text", kind: "text" },
  longText: { column: "sort_text", kind: "text" },
  number: { column: "sort_number", kind: "decimal" },
  slider: { column: "sort_number", kind: "decimal" },
  checkbox: { column: "sort_number", kind: "integer" },
  singleSelect: { column: "sort_number", kind: "integer" },
  date: { column: "sort_date", kind: "date" },
};

const itemTypes: ReadonlySet<CustomFieldType> = new Set(["singleSelect", "multiSelect", "tags", "person"]);

function eqValue(field: CustomField, raw: string): string | number {
  switch (field.type) {
    case "number":
    case "slider": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) throw badQuery("cf", `${field.key} takes numbers`);
      return n;
    }
    case "checkbox":
      if (raw !== "true" && raw !== "false") throw badQuery("cf", `${field.key} is true or false`);
      return raw === "true" ? 1 : 0;
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw badQuery("cf", `${field.key} takes dates YYYY-MM-DD`);
      return raw;
    default:
      return raw.toLowerCase();
  }
}

function parseFilter(fields: ReadonlyMap<string, CustomField>, text: string): CustomFieldFilter {
  const [key = "", op = "", ...rest] = text.split(":");
  const raw = rest.join(":");
  const field = fields.get(key);
  if (!field) throw badQuery("cf", `this workspace has no custom field "${key}"`);
  if (op === "set" || op === "empty") return { fieldId: field.id, op };
  if (op === "contains") {
    if (field.type !== "shortText" && field.type !== "longText") throw badQuery("cf", `contains applies to text fields, not ${field.key}`);
    return { fieldId: field.id, op, key: field.key, pattern: likePattern(raw) };
  }
  if (op === "is" && itemTypes.has(field.type)) return { fieldId: field.id, op: "has", item: field.type === "tags" ? raw.trim().toLowerCase() : raw };
  const typed = typedColumn[field.type];
  if (!typed) throw badQuery("cf", `${field.key} cannot be compared`);
  if ((op === "gte" || op === "lte") && !["number", "slider", "date"].includes(field.type)) throw badQuery("cf", `${op} applies to numbers and dates, not ${field.key}`);
  if (op !== "is" && op !== "gte" && op !== "lte") throw badQuery("cf", `unknown operator ${op}`);
  return { fieldId: field.id, op: op === "is" ? "eq" : op, column: typed.column, value: eqValue(field, raw) };
}

/** Resolves `cf` filters and a `cf.<key>` sort against the workspace's definitions (400 naming what is wrong). */
export async function resolveCustomFieldQuery(db: Db, workspaceId: string, query: { cf?: readonly string[] | undefined; sort: string }) {
  const wantsSort = /^-?cf\./.test(query.sort);
  if (!wantsSort && (query.cf ?? []).length === 0) return { filters: [], fieldSort: null };
  const fields = new Map((await workspaceCustomFields(db, workspaceId)).map((f) => [f.key, f]));
  const filters = (query.cf ?? []).map((text) => parseFilter(fields, text));
  let fieldSort: FieldSort | null = null;
  if (wantsSort) {
    const descending = query.sort.startsWith("-");
    const key = query.sort.replace(/^-?cf\./, "");
    const field = fields.get(key);
    if (!field) throw badQuery("sort", `this workspace has no custom field "${key}"`);
    const typed = typedColumn[field.type];
    if (!typed || !sortableTypes.has(field.type)) throw badQuery("sort", `${field.type} fields have no single order to sort by`);
    fieldSort = { fieldId: field.id, column: typed.column, kind: typed.kind, descending };
  }
  return { filters, fieldSort };
}
