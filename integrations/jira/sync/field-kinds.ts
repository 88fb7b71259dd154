import { type BuiltInSyncField, type FieldMappingEntry, isCustomSyncField, type SyncDirection, type SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { CustomFieldType } from "../../../common/contracts/custom-fields.ts";

/** How a Tether field's value is shaped, which decides the Jira field types it may map to. */
export type FieldKind = "text" | "richText" | "status" | "user" | "priority" | "number" | "date" | "labels" | "option" | "options";

export type SyncFieldSpec = {
  kind: FieldKind;
  /** The Jira field it maps to by default (a role such as story points is resolved from metadata). */
  defaultJiraField: string | "storyPoints" | "wsjfNumber" | null;
  /** Computed in Tether (WSJF): may only flow to Jira. */
  readOnlyInTether: boolean;
  /** Jira schema types a field of this kind may map to (`schema.type` of the Jira field). */
  jiraTypes: readonly string[];
};

export const syncFieldSpecs: Record<BuiltInSyncField, SyncFieldSpec> = {
  title: { kind: "text", defaultJiraField: "summary", readOnlyInTether: false, jiraTypes: ["string"] },
  description: { kind: "richText", defaultJiraField: "description", readOnlyInTether: false, jiraTypes: ["string"] },
  status: { kind: "status", defaultJiraField: "status", readOnlyInTether: false, jiraTypes: ["status"] },
  assignee: { kind: "user", defaultJiraField: "assignee", readOnlyInTether: false, jiraTypes: ["user"] },
  priority: { kind: "priority", defaultJiraField: "priority", readOnlyInTether: false, jiraTypes: ["priority"] },
  storyPoints: { kind: "number", defaultJiraField: "storyPoints", readOnlyInTether: false, jiraTypes: ["number"] },
  wsjf: { kind: "number", defaultJiraField: "wsjfNumber", readOnlyInTether: true, jiraTypes: ["number"] },
  targetDate: { kind: "date", defaultJiraField: "duedate", readOnlyInTether: false, jiraTypes: ["date", "datetime"] },
  tags: { kind: "labels", defaultJiraField: "labels", readOnlyInTether: false, jiraTypes: ["array"] },
  businessValue: { kind: "number", defaultJiraField: null, readOnlyInTether: false, jiraTypes: ["number"] },
  timeCriticality: { kind: "number", defaultJiraField: null, readOnlyInTether: false, jiraTypes: ["number"] },
  riskReduction: { kind: "number", defaultJiraField: null, readOnlyInTether: false, jiraTypes: ["number"] },
  jobSize: { kind: "number", defaultJiraField: null, readOnlyInTether: false, jiraTypes: ["number"] },
};

const custom = (kind: FieldKind, jiraTypes: readonly string[]): SyncFieldSpec => ({ kind, defaultJiraField: null, readOnlyInTether: false, jiraTypes });

/**
 * What a custom field of each type may map to (ADR 0011); null: no Jira counterpart. A multi
 * select maps to a multi-select list through an option map, or to a labels-like field by label.
 */
export function customFieldSpec(type: CustomFieldType, entry: Pick<FieldMappingEntry, "optionMap"> | null): SyncFieldSpec | null {
  switch (type) {
    case "shortText":
      return custom("text", ["string"]);
    case "longText":
      return custom("richText", ["string"]);
    case "number":
    case "slider":
      return custom("number", ["number"]);
    case "date":
      return custom("date", ["date", "datetime"]);
    case "singleSelect":
      return custom("option", ["option"]);
    case "multiSelect":
      return entry?.optionMap ? custom("options", ["array"]) : custom("labels", ["array"]);
    case "tags":
      return custom("labels", ["array"]);
    case "person":
      return custom("user", ["user"]);
    case "checkbox":
      return null;
  }
}

/** A custom field's definition as the sync rules need it. */
export type SyncCustomField = { key: string; name: string; type: CustomFieldType; options: readonly { id: string; label: string }[]; archived: boolean; required: boolean };

/** The spec of any mapped field; an unknown or unmappable custom field has none. */
export function specOf(field: SyncField, customFields: readonly SyncCustomField[], entry: Pick<FieldMappingEntry, "optionMap"> | null): SyncFieldSpec | null {
  if (!isCustomSyncField(field)) return syncFieldSpecs[field];
  const definition = customFields.find((f) => `cf.${f.key}` === field);
  return definition ? customFieldSpec(definition.type, entry) : null;
}

export const flowsToJira = (direction: SyncDirection) => direction === "both" || direction === "to_jira";
export const flowsFromJira = (direction: SyncDirection, field: SyncField) =>
  (direction === "both" || direction === "from_jira") && (isCustomSyncField(field) || !syncFieldSpecs[field].readOnlyInTether);
