import type { JiraIssue } from "../../../integrations/jira/client/index.ts";
import type { CardWrite, PlanningSprintRow, PlanningTeamRow } from "../../models/planning.ts";

/** Pure: Jira issue → planning card. Reads only what the card keeps (data minimisation). */

type ActiveSprint = { id: number; boardId: number | null };

/**
 * The issue's active or future sprint from the Sprint field: Cloud gives objects, Data Center's
 * v2 the sprint bean's toString (`…[id=5,rapidViewId=1,state=FUTURE,…]`). Closed sprints are history.
 */
export function currentSprint(value: unknown): ActiveSprint | null {
  if (!Array.isArray(value)) return null;
  for (const entry of value as unknown[]) {
    if (typeof entry === "string") {
      const id = /[[,]id=(\d+)/.exec(entry)?.[1];
      const state = /,state=([A-Z]+)/.exec(entry)?.[1];
      const board = /,rapidViewId=(\d+)/.exec(entry)?.[1];
      if (id && state && state !== "CLOSED") return { id: Number(id), boardId: board ? Number(board) : null };
    } else if (entry && typeof entry === "object") {
      const sprint = entry as { id?: unknown; state?: unknown; boardId?: unknown };
      if (typeof sprint.id === "number" && sprint.state !== "closed") return { id: sprint.id, boardId: typeof sprint.boardId === "number" ? sprint.boardId : null };
    }
  }
  return null;
}

export function numberField(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export type CardFieldIds = { storyPoints: string | null; sprint: string | null; wsjf: string | null };

export type TeamLookup = { bySprint: (sprintId: number) => string | null; byProject: (projectKey: string) => string | null };

/** Which team a card goes to: its sprint's team, else the first team planning its project. */
export function teamLookup(sprints: readonly Pick<PlanningSprintRow, "sprint_id" | "team_id">[], teams: readonly Pick<PlanningTeamRow, "id" | "project_key">[]): TeamLookup {
  const sprintTeam = new Map(sprints.map((sprint) => [sprint.sprint_id, sprint.team_id]));
  const projectTeam = new Map<string, string>();
  for (const team of teams) if (!projectTeam.has(team.project_key)) projectTeam.set(team.project_key, team.id);
  return { bySprint: (id) => sprintTeam.get(id) ?? null, byProject: (key) => projectTeam.get(key) ?? null };
}

export function toCardWrite(issue: JiraIssue, ids: CardFieldIds, teams: TeamLookup): CardWrite {
  const sprint = ids.sprint ? currentSprint(issue.fields[ids.sprint]) : null;
  const projectKey = issue.projectKey ?? issue.key.replace(/-\d+$/, "");
  const sprintTeam = sprint ? teams.bySprint(sprint.id) : null;
  return {
    issueId: issue.id,
    issueKey: issue.key,
    projectKey,
    summary: issue.summary ?? "",
    issueTypeId: issue.issueType?.id ?? null,
    statusId: issue.status?.id ?? null,
    storyPoints: ids.storyPoints ? numberField(issue.fields[ids.storyPoints]) : null,
    wsjf: ids.wsjf ? numberField(issue.fields[ids.wsjf]) : null,
    epicKey: issue.parentKey,
    teamId: sprintTeam ?? teams.byProject(projectKey),
    // A sprint outside the PI counts as "not planned" here.
    sprintId: sprintTeam ? (sprint?.id ?? null) : null,
  };
}

/** The fields a search asks for to build cards and their dependencies. */
export function cardFieldList(ids: CardFieldIds): string[] {
  return ["summary", "issuetype", "status", "project", "parent", "issuelinks", ...[ids.storyPoints, ids.sprint, ids.wsjf].filter((id): id is string => id !== null)];
}
