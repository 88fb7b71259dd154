import type { FieldMappingEntry, SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { IssueChanges, RichText } from "../client/types.ts";
import { specOf } from "./field-kinds.ts";
import type { MappingContext } from "./mapping-context.ts";
import { isUnmappable, type SyncValue } from "./values.ts";

/** One field to write: its new value and, for label sets, what Jira holds now (to send add/remove). */
export type PushValue = { field: SyncField; value: SyncValue; jiraNow: SyncValue | undefined; previousRichText?: RichText | null };

/** What one push sends: every plain field in one PUT, the status through transitions. */
export type JiraWrite = { changes: IssueChanges; changedFields: SyncField[]; targetStatusId: string | null };

const asStrings = (value: SyncValue | undefined): readonly string[] => (Array.isArray(value) ? value : []);

/** Label sets go as add/remove operations against what Jira holds, so labels added in Jira meanwhile are not erased. */
function labelOperations(value: SyncValue, jiraNow: SyncValue | undefined): Array<Record<string, unknown>> {
  const next = new Set(asStrings(value));
  const now = new Set(asStrings(jiraNow));
  return [...[...next].filter((l) => !now.has(l)).map((add) => ({ add })), ...[...now].filter((l) => !next.has(l)).map((remove) => ({ remove }))];
}

function setField(changes: IssueChanges, entry: FieldMappingEntry, push: PushValue, context: MappingContext) {
  const { value } = push;
  if (isUnmappable(value)) return;
  switch (entry.jiraField) {
    case "summary":
      changes.summary = typeof value === "string" ? value : "";
      return;
    case "description":
      changes.description = typeof value === "string" && value.length > 0 ? context.richText.fromMarkdown(value, push.previousRichText) : null;
      return;
    case "priority":
      if (typeof value === "string") changes.priorityId = value;
      return;
    case "assignee":
      changes.assigneeId = typeof value === "string" ? value : null;
      return;
    default:
      break;
  }
  const fields = (changes.fields ??= {});
  switch (specOf(entry.tetherField, context.customFields ?? [], entry)?.kind) {
    case "labels":
      if (entry.jiraField === "labels") {
        const ops = labelOperations(value, push.jiraNow);
        if (ops.length > 0) (changes.update ??= {}).labels = ops;
      } else fields[entry.jiraField] = asStrings(value);
      return;
    case "richText":
      fields[entry.jiraField] = typeof value === "string" && value.length > 0 ? richTextWire(context.richText.fromMarkdown(value)) : null;
      return;
    case "priority":
    case "status":
    case "option":
      fields[entry.jiraField] = typeof value === "string" ? { id: value } : null;
      return;
    case "user":
      (changes.userFields ??= {})[entry.jiraField] = typeof value === "string" ? value : null;
      return;
    case "options":
      fields[entry.jiraField] = asStrings(value).map((id) => ({ id }));
      return;
    case undefined:
      return;
    case "text":
    case "number":
    case "date":
      fields[entry.jiraField] = value;
      return;
  }
}

const richTextWire = (value: ReturnType<MappingContext["richText"]["fromMarkdown"]>) => (value.kind === "adf" ? value.doc : value.text);

/** Builds the one edit (and the status target) that carries the pushed values to Jira. */
export function buildJiraWrite(pushes: readonly PushValue[], context: MappingContext): JiraWrite {
  const changes: IssueChanges = {};
  const changedFields: SyncField[] = [];
  let targetStatusId: string | null = null;
  for (const push of pushes) {
    const entry = context.mapping.fields.find((e) => e.tetherField === push.field);
    if (!entry) continue;
    changedFields.push(push.field);
    if (entry.jiraField === "status") {
      if (typeof push.value === "string") targetStatusId = push.value;
      continue;
    }
    setField(changes, entry, push, context);
  }
  return { changes, changedFields, targetStatusId };
}

export const hasFieldChanges = (changes: IssueChanges) =>
  Object.entries(changes).some(([key, value]) => value !== undefined && (key === "fields" || key === "update" ? Object.keys(value as object).length > 0 : true));
