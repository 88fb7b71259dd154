import { z } from "zod";
import type { EpicFacets, EpicProgress } from "../../../common/contracts/jira-listing.ts";
import type { FieldRoles, JiraIssue } from "../../../integrations/jira/client/index.ts";

/** What the listing keeps of one child issue: the listed fields and nothing else (data minimisation). */
export type EpicIssueRow = {
  issue_key: string;
  position: number;
  summary: string;
  issue_type: string | null;
  issue_type_icon_url: string | null;
  status: string | null;
  status_category: "new" | "indeterminate" | "done" | null;
  assignee_id: string | null;
  assignee_name: string | null;
  priority: string | null;
  story_points: number | null;
  sprint: string | null;
  updated: Date | null;
};

/** The Jira fields the fill asks for: system fields plus the story points and sprint fields found by schema type. */
export function listingFields(roles: FieldRoles): string[] {
  const fields = ["summary", "issuetype", "status", "assignee", "priority", "updated"];
  if (roles.storyPoints) fields.push(roles.storyPoints);
  if (roles.sprint) fields.push(roles.sprint);
  return fields;
}

const IconUrl = z.object({ iconUrl: z.string().optional() }).passthrough();
const Named = z.object({ name: z.string() }).passthrough();
const SprintObject = z.object({ name: z.string(), state: z.string().optional() }).passthrough();
// Data Center (older versions) renders a sprint as `com.atlassian…Sprint@1a2b[id=1,…,state=ACTIVE,name=Sprint 3,…]`.
const DC_SPRINT = /\bstate=([A-Z]+),name=([^,\]]*)/;

type Sprint = { name: string; state: string };

function parseSprints(value: unknown): Sprint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): Sprint[] => {
    const object = SprintObject.safeParse(entry);
    if (object.success) return [{ name: object.data.name, state: (object.data.state ?? "").toLowerCase() }];
    if (typeof entry === "string") {
      const match = DC_SPRINT.exec(entry);
      if (match) return [{ name: match[2] ?? "", state: (match[1] ?? "").toLowerCase() }];
    }
    return [];
  });
}

/** The sprint an issue is in now: the active one, else the next future one, else the last closed. */
export function currentSprint(value: unknown): string | null {
  const sprints = parseSprints(value);
  const pick = sprints.find((s) => s.state === "active") ?? sprints.find((s) => s.state === "future") ?? sprints.at(-1);
  return pick?.name ?? null;
}

function category(key: string | null | undefined): EpicIssueRow["status_category"] {
  return key === "new" || key === "indeterminate" || key === "done" ? key : null;
}

export function toEpicIssueRow(issue: JiraIssue, position: number, roles: FieldRoles): EpicIssueRow {
  const icon = IconUrl.safeParse(issue.fields.issuetype);
  const priority = Named.safeParse(issue.fields.priority);
  const points = roles.storyPoints ? issue.fields[roles.storyPoints] : null;
  const updated = issue.updated ? new Date(issue.updated) : null;
  return {
    issue_key: issue.key,
    position,
    summary: issue.summary ?? "",
    issue_type: issue.issueType?.name ?? null,
    issue_type_icon_url: icon.success ? (icon.data.iconUrl ?? null) : null,
    status: issue.status?.name ?? null,
    status_category: category(issue.status?.categoryKey),
    assignee_id: issue.assignee?.id ?? null,
    assignee_name: issue.assignee?.displayName ?? null,
    priority: priority.success ? priority.data.name : null,
    story_points: typeof points === "number" && Number.isFinite(points) ? points : null,
    sprint: roles.sprint ? currentSprint(issue.fields[roles.sprint]) : null,
    updated: updated && !Number.isNaN(updated.getTime()) ? updated : null,
  };
}

/** The Epic's children in Jira's rank order: the flavour's Epic clause with our ORDER BY. */
export function rankedChildrenJql(epicChildrenJql: string): string {
  return `${epicChildrenJql.replace(/\s+ORDER\s+BY\s+.*$/i, "")} ORDER BY Rank ASC, key ASC`;
}

/** Progress per status category and the values the filters offer, for the whole Epic. */
export function summariseEpic(rows: readonly EpicIssueRow[]): { progress: EpicProgress; facets: EpicFacets } {
  const empty = () => ({ issues: 0, storyPoints: 0 });
  const progress: EpicProgress = { total: empty(), byCategory: { new: empty(), indeterminate: empty(), done: empty() } };
  const types = new Set<string>();
  const statuses = new Map<string, EpicFacets["statuses"][number]>();
  const assignees = new Map<string, string>();
  for (const row of rows) {
    const points = row.story_points ?? 0;
    progress.total.issues++;
    progress.total.storyPoints += points;
    // An issue whose status has no category counts in the total only.
    if (row.status_category) {
      progress.byCategory[row.status_category].issues++;
      progress.byCategory[row.status_category].storyPoints += points;
    }
    if (row.issue_type) types.add(row.issue_type);
    if (row.status) statuses.set(row.status, { name: row.status, category: row.status_category });
    if (row.assignee_id) assignees.set(row.assignee_id, row.assignee_name ?? row.assignee_id);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    progress,
    facets: {
      types: [...types].sort(byName),
      statuses: [...statuses.values()].sort((a, b) => byName(a.name, b.name)),
      assignees: [...assignees].map(([id, displayName]) => ({ id, displayName })).sort((a, b) => byName(a.displayName, b.displayName)),
    },
  };
}
