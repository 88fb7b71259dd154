import { custom, type Catalog, type CustomFieldIds } from "./catalog.ts";
import type { FieldDef, IssueTypeDef, SimProject, StatusDef, TransitionDef } from "./types.ts";

/**
 * What one project uses of the site's configuration. A company-managed (`classic`) project shares
 * the site-wide schemes; a team-managed (`next-gen`, Cloud only) project has its own issue types,
 * statuses, workflow and fields, scoped to it (`scope: { type: "PROJECT", project: { id } }` in
 * Jira's answers) and invisible to every other project.
 */
export type ProjectScheme = {
  teamManaged: boolean;
  issueTypes: IssueTypeDef[];
  statuses: StatusDef[];
  transitions: TransitionDef[];
  /** Fields the project can use: system fields, plus the site's custom fields or its own. */
  fields: FieldDef[];
  /** The custom fields with a role; `wsjf` / `riskLevel` are null where the project has none. */
  fieldIds: Omit<CustomFieldIds, "wsjf" | "riskLevel"> & { wsjf: string | null; riskLevel: string | null };
};

export function isTeamManaged(project: SimProject): boolean {
  return project.style === "next-gen";
}

const inScope = (project: SimProject) => (def: { scopeProjectId?: string }) =>
  isTeamManaged(project) ? def.scopeProjectId === project.id : def.scopeProjectId === undefined;

export function projectScheme(catalog: Catalog, project: SimProject): ProjectScheme {
  const mine = inScope(project);
  const teamManaged = isTeamManaged(project);
  const ids = catalog.customFieldIds;
  // Team-managed spaces still use Jira Software's site-wide Sprint and Rank fields.
  const shared = new Set([ids.sprint, ids.rank]);
  const fields = catalog.fields.filter((field) => (!field.custom && field.scopeProjectId === undefined) || mine(field) || (teamManaged && shared.has(field.id)));
  const own = (role: string) => catalog.fields.find((field) => field.scopeProjectId === project.id && field.schema?.custom === role)?.id;
  return {
    teamManaged,
    issueTypes: catalog.issueTypes.filter(mine),
    statuses: catalog.statuses.filter(mine),
    transitions: catalog.transitions.filter(mine),
    fields,
    fieldIds: teamManaged ? { ...ids, storyPoints: own(storyPointEstimateType) ?? ids.storyPoints, wsjf: null, riskLevel: null, epicLink: null, epicName: null } : ids,
  };
}

/** Jira Software's "Story point estimate", the field team-managed spaces estimate with. */
const storyPointEstimateType = "com.pyxis.greenhopper.jira:jsw-story-points";

/**
 * Adds a team-managed project's own configuration to the catalog (idempotent): the types Jira
 * creates for a new Scrum space (Epic, Story, Task, Bug, Subtask, with fresh ids), three statuses
 * (Backlog-style To Do, In Progress, Done) with a workflow whose transitions lead anywhere (Jira's
 * default for team-managed spaces: "all statuses can transition to all statuses"), and its own
 * "Story point estimate" field. It has no WSJF or Risk Level field: those are the company-managed
 * scheme's.
 */
export function addTeamManagedScheme(catalog: Catalog, project: SimProject): void {
  if (catalog.flavor !== "cloud" || catalog.issueTypes.some((type) => type.scopeProjectId === project.id)) return;
  // Ids derived from the project id: unique per site, stable across restarts and snapshots.
  const base = 20_000 + (Number(project.id) % 1000) * 10;
  const scope = { scopeProjectId: project.id };
  const type = (offset: number, name: string, description: string, hierarchyLevel: number, avatarId: number): IssueTypeDef => ({
    id: String(base + offset),
    name,
    description,
    subtask: hierarchyLevel === -1,
    hierarchyLevel,
    avatarId,
    entityId: `7b9e1c4d-0000-4000-8000-${String(base + offset).padStart(12, "0")}`,
    ...scope,
  });
  catalog.issueTypes.push(
    type(0, "Epic", "Epics track collections of related bugs, stories, and tasks.", 1, 10307),
    type(1, "Story", "Stories track functionality or features expressed as user goals.", 0, 10315),
    type(2, "Task", "A small, distinct piece of work.", 0, 10318),
    type(3, "Bug", "Problems or errors.", 0, 10303),
    type(4, "Subtask", "A small piece of work that's part of a larger task.", -1, 10316),
  );
  const todo = String(base + 1);
  const doing = String(base + 2);
  const done = String(base + 3);
  catalog.statuses.push(
    { id: todo, name: "To Do", description: "", category: "new", ...scope },
    { id: doing, name: "In Progress", description: "", category: "indeterminate", ...scope },
    { id: done, name: "Done", description: "", category: "done", ...scope },
  );
  // Global transitions (from any status): one per target, named after it, as team-managed workflows have.
  catalog.transitions.push(
    { id: "11", name: "To Do", from: [], to: todo, screen: [], clearsResolution: true, ...scope },
    { id: "21", name: "In Progress", from: [], to: doing, screen: [], clearsResolution: true, ...scope },
    { id: "31", name: "Done", from: [], to: done, screen: [], clearsResolution: false, ...scope },
  );
  const field: FieldDef = { ...custom(`customfield_${base}`, "Story point estimate", "number", storyPointEstimateType), ...scope };
  catalog.fields.push(field);
}
