import type { ProjectScheme } from "./project-scheme.ts";
import { templateFields } from "./template-fields.ts";
import type { Flavor, IssueTypeDef } from "./types.ts";

/** One field on a create or edit screen. */
export type ScreenField = { fieldId: string; required: boolean };
/** The create and edit screens one (project, issue type) uses, as a screen scheme would give them. */
export type IssueScreens = { create: ScreenField[]; edit: ScreenField[] };
export type ScreenKind = keyof IssueScreens;

export function screenKey(projectId: string, issueTypeId: string): string {
  return `${projectId}/${issueTypeId}`;
}

const field = (fieldId: string, required = false): ScreenField => ({ fieldId, required });

/**
 * The demo site's screen scheme (a team-managed project's own fields in place of the site's): the usual system fields, Story Points, WSJF, due date and labels
 * on both screens. "Risk Level" is on the create screen only, so edits of it are refused as
 * "not on the appropriate screen" exactly as a real site with that configuration does.
 */
export function defaultScreens(flavor: Flavor, scheme: Pick<ProjectScheme, "fieldIds" | "teamManaged">, type: IssueTypeDef): IssueScreens {
  const { fieldIds: ids, teamManaged } = scheme;
  const cloud = flavor === "cloud";
  const epic = type.hierarchyLevel === 1;
  const common = [
    field("summary", true),
    field("description"),
    field("assignee"),
    field("reporter"),
    field("priority"),
    field("labels"),
    field("duedate"),
    field(ids.storyPoints),
    ...(ids.wsjf ? [field(ids.wsjf)] : []),
    // The site's template fields belong to the company-managed scheme; a team-managed space has its own.
    ...(teamManaged ? [] : templateFields(flavor).map((f) => field(f.id))),
  ];
  const hierarchy: ScreenField[] = [];
  if (cloud || type.subtask) hierarchy.push(field("parent"));
  if (!epic && !type.subtask) hierarchy.push(field(ids.sprint));
  if (ids.epicLink && type.hierarchyLevel === 0) hierarchy.push(field(ids.epicLink));
  if (ids.epicName && epic) hierarchy.push(field(ids.epicName, true));
  return {
    create: [field("project", true), field("issuetype", true), ...common, ...(ids.riskLevel ? [field(ids.riskLevel)] : []), ...hierarchy],
    edit: [...common, ...hierarchy, field("comment")],
  };
}

export function copyScreens(screens: IssueScreens): IssueScreens {
  return { create: screens.create.map((entry) => ({ ...entry })), edit: screens.edit.map((entry) => ({ ...entry })) };
}
