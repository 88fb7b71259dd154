import { customTypeOf } from "../model/template-fields.ts";
import type { CustomValue, FieldDef, RichText } from "../model/types.ts";
import { richTextAsAdf, richTextAsString } from "./adf.ts";
import type { RenderContext } from "./context.ts";
import { renderUserByKey } from "./users.ts";

/** A template custom field's value as Jira renders it for its type (options as objects, users as users, paragraphs per API version). */
export function renderTemplateFieldValue(ctx: RenderContext, field: FieldDef, value: CustomValue, apiBase: string): unknown {
  if (value === null) return null;
  const option = (id: string) => {
    const found = field.options?.find((o) => o.id === id);
    return found ? { self: `${apiBase}/customFieldOption/${found.id}`, value: found.value, id: found.id } : null;
  };
  switch (customTypeOf(field)) {
    case "select":
      return typeof value === "string" ? option(value) : null;
    case "multiselect":
      return Array.isArray(value) ? value.flatMap((id) => option(id) ?? []) : null;
    case "userpicker":
      return typeof value === "string" ? renderUserByKey(ctx, value) : null;
    case "textarea": {
      const text = typeof value === "object" && !Array.isArray(value) ? (value as RichText) : { kind: "wiki" as const, text: String(value) };
      return ctx.version === 3 ? richTextAsAdf(text) : richTextAsString(text);
    }
    default:
      return value;
  }
}
