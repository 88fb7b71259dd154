import { z } from "zod";
import { customTypeOf } from "../model/template-fields.ts";
import type { SimStore } from "../model/store.ts";
import type { ApiVersion, CustomValue, FieldDef } from "../model/types.ts";
import { type FieldErrors, parseRichText, parseUserRef, storedRichText } from "./field-values.ts";

const optionRef = z.union([z.object({ value: z.string() }), z.object({ id: z.union([z.string(), z.number()]).transform(String) })]);

/**
 * A template custom field's value from a create/edit request, as Jira checks it by field type:
 * text ≤ 255, paragraph as ADF (v3) or wiki (v2), date picker `YYYY-MM-DD`, select and
 * multi-select by option id or value, user picker by accountId (Cloud) or name (Data Center).
 * `undefined`: refused (the error is recorded).
 */
export function parseTemplateFieldValue(store: SimStore, version: ApiVersion, field: FieldDef, raw: unknown, errors: FieldErrors): CustomValue | undefined {
  const fieldId = field.id;
  if (raw === null) return null;
  const optionOf = (ref: unknown) => {
    const parsed = optionRef.safeParse(ref);
    if (!parsed.success) return undefined;
    const data = parsed.data;
    return field.options?.find((o) => ("value" in data ? o.value === data.value : o.id === data.id));
  };
  switch (customTypeOf(field)) {
    case "textfield":
      if (typeof raw !== "string") errors.add(fieldId, "Operation value must be a string");
      else if (raw.length > 255) errors.add(fieldId, "The entered text is too long. It exceeds the allowed limit of 255 characters.");
      else return raw;
      return undefined;
    case "textarea": {
      const text = parseRichText(version, raw, fieldId, errors);
      return text ? storedRichText(store, text) : undefined;
    }
    case "datepicker":
      if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
      errors.add(fieldId, `Error parsing date string: ${String(raw)}`);
      return undefined;
    case "select": {
      const option = optionOf(raw);
      if (option) return option.id;
      errors.add(fieldId, `Option value '${JSON.stringify(raw)}' is not valid`);
      return undefined;
    }
    case "multiselect": {
      if (!Array.isArray(raw)) {
        errors.add(fieldId, "Operation value must be an array of options");
        return undefined;
      }
      const ids: string[] = [];
      for (const ref of raw) {
        const option = optionOf(ref);
        if (!option) {
          errors.add(fieldId, `Option value '${JSON.stringify(ref)}' is not valid`);
          return undefined;
        }
        if (!ids.includes(option.id)) ids.push(option.id);
      }
      return ids.length === 0 ? null : ids;
    }
    case "userpicker": {
      const user = parseUserRef(store, raw, fieldId, errors);
      return user === undefined ? undefined : (user?.key ?? null);
    }
    case "float":
      if (typeof raw === "number" && Number.isFinite(raw)) return raw;
      errors.add(fieldId, "Operation value must be a number");
      return undefined;
    case undefined:
      errors.add(fieldId, `Field '${fieldId}' cannot be set.`);
      return undefined;
  }
}
