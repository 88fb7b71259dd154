import type { FieldMappingEntry } from "../../../common/contracts/jira-mapping.ts";
import { customFieldSpec, type SyncCustomField } from "./field-kinds.ts";
import type { SyncMetadata } from "./mapping-metadata.ts";

type Report = (path: string, code: string, message: string) => void;

/**
 * The checks a custom field's mapping needs beyond the Jira field's type (ADR 0011): option maps
 * only on selects and only with the field's options; select lists versus labels; one-line text
 * versus paragraphs (Cloud holds paragraphs as ADF, which a one-line field cannot take back).
 */
export function customFieldProblems(entry: FieldMappingEntry, customFields: readonly SyncCustomField[], metadata: SyncMetadata, problem: Report): void {
  const definition = customFields.find((f) => `cf.${f.key}` === entry.tetherField);
  if (!definition) return;
  const spec = customFieldSpec(definition.type, entry);
  const jira = metadata.fields.find((f) => f.id === entry.jiraField);
  const customType = jira?.schema?.custom ?? "";
  const isSelect = definition.type === "singleSelect" || definition.type === "multiSelect";
  if (entry.optionMap && !isSelect) problem("optionMap", "incompatible_field", `${definition.name} has no options; option maps apply to select fields.`);
  const seen = new Set<string>();
  (entry.optionMap ?? []).forEach((row, index) => {
    if (!definition.options.some((o) => o.id === row.optionId)) problem(`optionMap.${index}.optionId`, "unknown_option", `${definition.name} has no option ${row.optionId}.`);
    if (seen.has(row.optionId)) problem(`optionMap.${index}.optionId`, "duplicate_option", `Option ${row.optionId} is mapped twice.`);
    seen.add(row.optionId);
  });
  if (!jira?.schema) return;
  if (spec?.kind === "options" && jira.schema.items !== "option") {
    problem("jiraField", "incompatible_field", `${jira.name} is not a multi-select list; without an option map ${definition.name} maps to a labels field by option label.`);
  }
  if (spec?.kind === "labels" && jira.schema.items === "option") {
    problem("jiraField", "incompatible_field", `${jira.name} is a multi-select list; give ${definition.name} an option map to use it.`);
  }
  if (spec?.kind === "text" && customType.endsWith(":textarea")) {
    problem("jiraField", "incompatible_field", `${jira.name} is a paragraph field; map a Long text field to it, or pick a one-line text field.`);
  }
  if (spec?.kind === "richText" && customType.endsWith(":textfield")) {
    problem("jiraField", "incompatible_field", `${jira.name} is a one-line text field; ${definition.name} holds Markdown paragraphs and needs a paragraph field.`);
  }
}
