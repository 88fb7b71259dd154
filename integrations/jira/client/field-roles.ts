import type { FieldRoles, JiraField } from "./types.ts";

/**
 * Jira Software's custom fields have stable schema types on Cloud and Data Center; names differ by
 * language and admins rename them, so the schema type wins and the name is only a fallback.
 */
export const fieldTypes = {
  epicLink: "com.pyxis.greenhopper.jira:gh-epic-link",
  epicName: "com.pyxis.greenhopper.jira:gh-epic-label",
  sprint: "com.pyxis.greenhopper.jira:gh-sprint",
  /** Team-managed (next-gen) "Story point estimate" on Cloud. */
  storyPointEstimate: "com.pyxis.greenhopper.jira:jsw-story-points",
} as const;

function bySchema(fields: JiraField[], customType: string): JiraField | undefined {
  return fields.find((f) => f.schema?.custom === customType);
}

function byName(fields: JiraField[], names: string[], type?: string): JiraField | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return fields.find(
    (f) => f.custom && wanted.includes(f.name.toLowerCase()) && (type === undefined || f.schema?.type === type),
  );
}

export function findEpicLinkField(fields: JiraField[]): JiraField | null {
  return bySchema(fields, fieldTypes.epicLink) ?? byName(fields, ["Epic Link"]) ?? null;
}

export function findEpicNameField(fields: JiraField[]): JiraField | null {
  return bySchema(fields, fieldTypes.epicName) ?? byName(fields, ["Epic Name"]) ?? null;
}

export function findSprintField(fields: JiraField[]): JiraField | null {
  return bySchema(fields, fieldTypes.sprint) ?? byName(fields, ["Sprint"]) ?? null;
}

/** Company-managed projects use a number field "Story Points"; team-managed ones "Story point estimate". */
export function findStoryPointsField(fields: JiraField[]): JiraField | null {
  return (
    byName(fields, ["Story Points"], "number") ??
    bySchema(fields, fieldTypes.storyPointEstimate) ??
    byName(fields, ["Story point estimate"], "number") ??
    null
  );
}

/**
 * Roles of the site-wide fields. A team-managed project's own fields (`scopeProjectId`) are left
 * out: they exist in that project only (integrations/jira/sync/project-fields.ts finds those).
 */
export function findFieldRoles(all: JiraField[]): FieldRoles {
  const fields = all.filter((field) => field.scopeProjectId === null || field.scopeProjectId === undefined);
  return {
    epicLink: findEpicLinkField(fields)?.id ?? null,
    epicName: findEpicNameField(fields)?.id ?? null,
    storyPoints: findStoryPointsField(fields)?.id ?? null,
    sprint: findSprintField(fields)?.id ?? null,
  };
}
