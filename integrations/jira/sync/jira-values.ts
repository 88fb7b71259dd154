import type { FieldMappingEntry } from "../../../common/contracts/jira-mapping.ts";
import type { JiraIssue, RichText } from "../client/types.ts";
import { specOf } from "./field-kinds.ts";
import { activeFields, type MappingContext } from "./mapping-context.ts";
import { normaliseDate, normaliseLabels, normaliseNumber, normaliseText, type SyncValue, type SyncValues } from "./values.ts";

const idOf = (value: unknown): string | null => {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const id = record.id ?? record.accountId ?? record.name;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
};

function labelsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === "string") return [item];
    if (typeof item === "object" && item !== null && typeof (item as { value?: unknown }).value === "string") return [(item as { value: string }).value];
    return [];
  });
}

function richTextOf(raw: unknown): RichText | null {
  if (typeof raw === "string") return { kind: "wiki", text: raw };
  if (typeof raw === "object" && raw !== null && (raw as { type?: unknown }).type === "doc") return { kind: "adf", doc: raw as never };
  return null;
}

/** The issue's value of one mapped field, in the compared form. */
export function jiraValue(issue: JiraIssue, entry: FieldMappingEntry, context: MappingContext): SyncValue {
  const raw = issue.fields[entry.jiraField];
  switch (entry.jiraField) {
    case "summary":
      return normaliseText(issue.summary);
    case "description":
      return context.richText.normalise(issue.description ? context.richText.toMarkdown(issue.description) : "");
    case "status":
      return issue.status?.id ?? null;
    case "assignee":
      return issue.assignee?.id ?? null;
    default:
      break;
  }
  switch (specOf(entry.tetherField, context.customFields ?? [], entry)?.kind) {
    case "text":
      return normaliseText(raw);
    case "richText": {
      const text = richTextOf(raw);
      return context.richText.normalise(text ? context.richText.toMarkdown(text) : "");
    }
    case "status":
    case "priority":
    case "user":
      return idOf(raw);
    case "number":
      return normaliseNumber(raw);
    case "date":
      return normaliseDate(raw);
    case "labels":
      return normaliseLabels(labelsOf(raw));
    case "option":
      return idOf(raw);
    case "options":
      return Array.isArray(raw) ? [...new Set(raw.flatMap((item) => idOf(item) ?? []))].sort() : [];
    case undefined:
      return null;
  }
}

export function jiraValues(issue: JiraIssue, context: MappingContext): SyncValues {
  const values: SyncValues = {};
  for (const entry of activeFields(context.mapping)) values[entry.tetherField] = jiraValue(issue, entry, context);
  return values;
}
