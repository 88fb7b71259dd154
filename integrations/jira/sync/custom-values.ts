import { type CustomSyncField, customFieldKeyOf, type FieldMappingEntry } from "../../../common/contracts/jira-mapping.ts";
import type { UseCaseFields } from "../../../common/contracts/use-cases.ts";
import { checkFieldValue } from "../../../common/custom-fields/values.ts";
import { customFieldSpec, type SyncCustomField } from "./field-kinds.ts";
import type { MappingContext } from "./mapping-context.ts";
import { normaliseDate, normaliseLabels, normaliseNumber, normaliseText, type SyncValue } from "./values.ts";

export const customDefinition = (field: CustomSyncField, context: MappingContext): SyncCustomField | undefined =>
  (context.customFields ?? []).find((f) => f.key === customFieldKeyOf(field));

const labelOf = (definition: SyncCustomField, optionId: string) => definition.options.find((o) => o.id === optionId)?.label ?? optionId;

/** A custom field's Tether value in the compared form (Jira option ids, Jira user ids, labels…). */
export function customTetherValue(useCase: UseCaseFields, field: CustomSyncField, entry: FieldMappingEntry | undefined, context: MappingContext): SyncValue {
  const definition = customDefinition(field, context);
  if (!definition) return { unmappable: `Custom field ${customFieldKeyOf(field)} no longer exists in Tether.` };
  const raw = useCase.customFields[definition.key] ?? null;
  const spec = customFieldSpec(definition.type, entry ?? null);
  if (!spec) return { unmappable: `${definition.name} (${definition.type}) has no Jira counterpart.` };
  if (raw === null) return spec.kind === "labels" || spec.kind === "options" ? [] : spec.kind === "richText" ? "" : null;
  switch (spec.kind) {
    case "text":
      return normaliseText(raw);
    case "richText":
      return context.richText.normalise(typeof raw === "string" ? raw : "");
    case "number":
      return normaliseNumber(raw);
    case "date":
      return normaliseDate(raw);
    case "user": {
      const jiraUser = typeof raw === "string" ? context.jiraUserFor(raw) : null;
      return jiraUser ?? { unmappable: `${definition.name}: the member has no Jira user. Add them to the user map.` };
    }
    case "option": {
      const mapped = entry?.optionMap?.find((o) => o.optionId === raw);
      return mapped ? mapped.jiraOptionId : { unmappable: `${definition.name}: option "${labelOf(definition, String(raw))}" has no Jira option in the mapping.` };
    }
    case "options": {
      const ids = Array.isArray(raw) ? (raw as string[]) : [];
      const missing = ids.filter((id) => !entry?.optionMap?.some((o) => o.optionId === id));
      if (missing.length > 0) return { unmappable: `${definition.name}: options ${missing.map((id) => `"${labelOf(definition, id)}"`).join(", ")} have no Jira option in the mapping.` };
      return [...new Set(ids.map((id) => entry!.optionMap!.find((o) => o.optionId === id)!.jiraOptionId))].sort();
    }
    case "labels": {
      const items = Array.isArray(raw) ? (raw as string[]) : [];
      return normaliseLabels(definition.type === "multiSelect" ? items.map((id) => labelOf(definition, id)) : items);
    }
    case "status":
    case "priority":
      return null;
  }
}

export type CustomPull = { ok: true; value: unknown } | { ok: false; reason: string };

/** A value from Jira as the custom field would hold it, checked against its definition. */
export function customValueFromJira(field: CustomSyncField, value: SyncValue, entry: FieldMappingEntry | undefined, context: MappingContext): CustomPull {
  const definition = customDefinition(field, context);
  if (!definition) return { ok: false, reason: `Custom field ${customFieldKeyOf(field)} no longer exists in Tether.` };
  if (definition.archived) return { ok: false, reason: `${definition.name} is archived in Tether and takes no new values.` };
  const spec = customFieldSpec(definition.type, entry ?? null);
  let candidate: unknown = value;
  switch (spec?.kind) {
    case "user":
      if (typeof value === "string") {
        const member = context.memberForJiraUser(value);
        if (!member) return { ok: false, reason: `Jira user ${context.jiraUserLabel?.(value) ?? value} matches no workspace member; ${definition.name} was kept. Add them to the user map.` };
        candidate = member;
      }
      break;
    case "option":
      if (typeof value === "string") {
        const mapped = entry?.optionMap?.find((o) => o.jiraOptionId === value);
        if (!mapped) return { ok: false, reason: `Jira option ${value} has no ${definition.name} option in the mapping.` };
        candidate = mapped.optionId;
      }
      break;
    case "options": {
      const ids = Array.isArray(value) ? value : [];
      const unmapped = ids.filter((id) => !entry?.optionMap?.some((o) => o.jiraOptionId === id));
      if (unmapped.length > 0) return { ok: false, reason: `Jira options ${unmapped.join(", ")} have no ${definition.name} option in the mapping.` };
      candidate = ids.map((id) => entry!.optionMap!.find((o) => o.jiraOptionId === id)!.optionId);
      break;
    }
    case "labels":
      if (definition.type === "multiSelect" && Array.isArray(value)) {
        const byLabel = new Map(definition.options.map((o) => [normaliseLabels([o.label])[0] ?? "", o.id]));
        const unknown = value.filter((label) => !byLabel.has(label));
        if (unknown.length > 0) return { ok: false, reason: `Jira holds ${unknown.join(", ")}, which are not options of ${definition.name}.` };
        candidate = value.map((label) => byLabel.get(label));
      }
      break;
    default:
      break;
  }
  if (Array.isArray(candidate) && candidate.length === 0) candidate = null;
  if (candidate === "") candidate = null;
  if (candidate === null && definition.required) return { ok: false, reason: `Jira cleared ${definition.name}, which Tether requires; the value was kept.` };
  const checked = checkFieldValue({ type: definition.type, min: null, max: null, decimals: null, step: null, options: definition.options.map((o) => ({ ...o, color: "gray" as const })) }, candidate);
  return checked.ok ? checked : { ok: false, reason: `Jira holds ${JSON.stringify(value)}; ${definition.name} ${checked.reason}.` };
}
