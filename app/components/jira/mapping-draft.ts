import {
  BuiltInSyncField,
  type FieldMappingEntry,
  isCustomSyncField,
  type JiraMapping,
  type MappingProblem,
  MappingProblem as MappingProblemSchema,
  type SyncField,
} from "../../../common/contracts/jira-mapping.ts";
import type { JiraFieldMeta } from "../../../common/contracts/jira-metadata.ts";
import { specOf } from "../../../integrations/jira/sync/field-kinds.ts";
import { isApiError } from "../../api/client.ts";

/** A mapping being edited: every Tether field has a row; rows without a Jira field are left out when saving. */
export type MappingDraft = JiraMapping;

const builtInFieldLabel: Record<BuiltInSyncField, string> = {
  title: "Title",
  description: "Description",
  status: "Status",
  assignee: "Assignee",
  priority: "Priority",
  storyPoints: "Story points",
  wsjf: "WSJF score",
  targetDate: "Target date",
  tags: "Tags",
  businessValue: "Business value",
  timeCriticality: "Time criticality",
  riskReduction: "Risk reduction / opportunity",
  jobSize: "Job size",
};

/** A mapped field's label: built-in names, or the custom field's key (`cf.<key>`). */
export const syncFieldLabel = (field: SyncField): string => (isCustomSyncField(field) ? `Custom field ${field.slice(3)}` : builtInFieldLabel[field]);

/** Starts a draft from the stored (or proposed) mapping: its rows keep their order, missing fields are appended switched off. */
export function draftFrom(mapping: JiraMapping): MappingDraft {
  const present = new Set(mapping.fields.map((f) => f.tetherField));
  const missing: FieldMappingEntry[] = BuiltInSyncField.options.filter((f) => !present.has(f)).map((tetherField) => ({ tetherField, jiraField: "", direction: "off" }));
  return { ...mapping, fields: [...mapping.fields, ...missing] };
}

/** What is sent: rows with a Jira field. `fieldOrder[i]` is the Tether field of `body.fields[i]` (problem paths use that index). */
export function bodyOf(draft: MappingDraft): { body: JiraMapping; fieldOrder: SyncField[] } {
  const fields = draft.fields.filter((f) => f.jiraField !== "");
  return { body: { ...draft, fields }, fieldOrder: fields.map((f) => f.tetherField) };
}

export type FieldProblem = { field: SyncField; message: string };
export type PlacedProblems = {
  fields: FieldProblem[];
  /** By value-map row: `statusMap.3` → problems of the fourth status row. */
  rows: Record<string, string[]>;
  /** Project, issue type and anything without a row. */
  general: string[];
};

/** Puts each problem the server named next to its row: `fields.N.*` by the sent order, `statusMap.N.*` etc. by index. */
export function placeProblems(problems: readonly MappingProblem[], fieldOrder: readonly SyncField[]): PlacedProblems {
  const placed: PlacedProblems = { fields: [], rows: {}, general: [] };
  for (const problem of problems) {
    const [section, index] = problem.path.split(".");
    const field = section === "fields" && index !== undefined ? fieldOrder[Number(index)] : undefined;
    if (field) placed.fields.push({ field, message: problem.message });
    else if ((section === "statusMap" || section === "priorityMap" || section === "userMap") && index !== undefined) {
      const key = `${section}.${index}`;
      placed.rows[key] = [...(placed.rows[key] ?? []), problem.message];
    } else placed.general.push(problem.message);
  }
  return placed;
}

/** Problems the browser sees before asking the server: a direction without a Jira field, a manual entry without a Jira user. */
export function localProblems(draft: MappingDraft): PlacedProblems {
  const rows: Record<string, string[]> = {};
  draft.userMap.forEach((entry, index) => {
    if (entry.jiraUserId.trim() === "") rows[`userMap.${index}`] = ["Enter the Jira user's id (Cloud accountId, Data Center username)."];
  });
  const fields = draft.fields
    .filter((f) => f.direction !== "off" && f.jiraField === "")
    .map((f) => ({ field: f.tetherField, message: `Pick the Jira field ${syncFieldLabel(f.tetherField).toLowerCase()} stays equal to, or set the direction to “off”.` }));
  return { fields, rows, general: [] };
}

export const hasProblems = (placed: PlacedProblems) => placed.fields.length > 0 || placed.general.length > 0 || Object.keys(placed.rows).length > 0;

export function mergeProblems(a: PlacedProblems, b: PlacedProblems): PlacedProblems {
  const rows = { ...a.rows };
  for (const [key, messages] of Object.entries(b.rows)) rows[key] = [...(rows[key] ?? []), ...messages];
  return { fields: [...a.fields, ...b.fields], rows, general: [...a.general, ...b.general] };
}

/** The `{ path, message }` list of a 400 `mapping_invalid`, else nothing. */
export function problemsOfError(error: unknown): MappingProblem[] {
  if (!isApiError(error, "mapping_invalid")) return [];
  const parsed = MappingProblemSchema.array().safeParse(error.details);
  return parsed.success ? parsed.data : [];
}

export type FieldOption = { value: string; label: string };

/** Jira fields this Tether field may map to: the types the sync engine accepts (integrations/jira/sync/field-kinds.ts). */
export function compatibleJiraFields(field: SyncField, fields: readonly JiraFieldMeta[], current: string): { group: string; items: FieldOption[] }[] {
  const spec = specOf(field, [], null);
  const fits = (f: JiraFieldMeta) => {
    const schema = f.schema;
    if (!spec) return schema !== null;
    if (!schema || !spec.jiraTypes.includes(schema.type)) return false;
    return spec.kind !== "labels" || schema.items === null || schema.items === "string" || schema.items === "option";
  };
  const option = (f: JiraFieldMeta): FieldOption => ({ value: f.id, label: `${f.name} (${f.id})` });
  const fitting = fields.filter(fits);
  const groups = [
    { group: "System fields", items: fitting.filter((f) => !f.custom).map(option) },
    { group: "Custom fields", items: fitting.filter((f) => f.custom).map(option) },
  ];
  // A stored choice the metadata no longer offers stays visible, so the problem next to it makes sense.
  if (current && !fitting.some((f) => f.id === current)) groups.unshift({ group: "Current", items: [{ value: current, label: current }] });
  return groups.filter((g) => g.items.length > 0);
}

/** Jira statuses an issue of the chosen type can be in (the engine's own rule). */
export { statusesFor as jiraStatusesFor } from "../../../integrations/jira/sync/mapping-metadata.ts";

/** Marks one entry of a value map as the one a change from Jira lands on, clearing the flag on its siblings (same Jira value). */
export function markPreferred<T extends { preferred: boolean }>(entries: readonly T[], index: number, sameTarget: (a: T, b: T) => boolean): T[] {
  const chosen = entries[index];
  if (!chosen) return [...entries];
  return entries.map((entry, i) => (i === index ? { ...entry, preferred: true } : sameTarget(entry, chosen) ? { ...entry, preferred: false } : entry));
}

export const isReadOnlyInTether = (field: SyncField) => specOf(field, [], null)?.readOnlyInTether ?? false;
