import type { CustomField, CustomFieldOption } from "../../common/contracts/custom-fields.ts";
import type { CustomFieldRow } from "../models/custom-fields.ts";

const numberOrNull = (value: unknown) => (typeof value === "number" ? value : null);

export function presentCustomField(row: CustomFieldRow): CustomField {
  const config = row.config;
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    helpText: row.help_text,
    type: row.type,
    required: row.required,
    position: row.position,
    min: numberOrNull(config.min),
    max: numberOrNull(config.max),
    decimals: numberOrNull(config.decimals),
    step: numberOrNull(config.step),
    options: Array.isArray(config.options) ? (config.options as CustomFieldOption[]) : [],
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
