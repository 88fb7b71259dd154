import type { SyncDirection, SyncField } from "../../../common/contracts/jira-mapping.ts";

/** How a Tether field's value is shaped, which decides the Jira field types it may map to. */
export type FieldKind = "text" | "richText" | "status" | "user" | "priority" | "number" | "date" | "labels";

export type SyncFieldSpec = {
  kind: FieldKind;
  /** The Jira field it maps to by default (a role such as story points is resolved from metadata). */
  defaultJiraField: string | "storyPoints" | "wsjfNumber" | null;
  /** Computed in Tether (WSJF): may only flow to Jira. */
  readOnlyInTether: boolean;
  /** Jira schema types a field of this kind may map to (`schema.type` of the Jira field). */
  jiraTypes: readonly string[];
};

export const syncFieldSpecs: Record<SyncField, SyncFieldSpec> = {
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

export const flowsToJira = (direction: SyncDirection) => direction === "both" || direction === "to_jira";
export const flowsFromJira = (direction: SyncDirection, field: SyncField) =>
  (direction === "both" || direction === "from_jira") && !syncFieldSpecs[field].readOnlyInTether;
