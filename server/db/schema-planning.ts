import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null, number | string | null>;
type DateOnly = ColumnType<string, string, string>;

/** Tables of migration 0016 (PI planning). */
export interface PlanningTables {
  planning_increments: PlanningIncrementsTable;
  planning_use_cases: { pi_id: string; use_case_id: string };
  planning_teams: PlanningTeamsTable;
  planning_sprints: PlanningSprintsTable;
  planning_cards: PlanningCardsTable;
  planning_dependencies: PlanningDependenciesTable;
  /** Migration 0020: cards removed from a PI without a Jira delete; re-sync and webhooks skip them. */
  planning_exclusions: { pi_id: string; issue_id: string; excluded_at: Generated<Date> };
}

export interface PlanningIncrementsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  jql: string | null;
  wsjf_field_id: string | null;
  version: ColumnType<string, string | number | undefined, string | number>;
  synced_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanningTeamsTable {
  id: Generated<string>;
  pi_id: string;
  board_id: number;
  name: string;
  project_key: string;
  capacity: Numeric;
}

export interface PlanningSprintsTable {
  pi_id: string;
  team_id: string;
  sprint_id: number;
  name: string;
  state: string;
  starts_at: Timestamp | null;
  ends_at: Timestamp | null;
}

export interface PlanningCardsTable {
  pi_id: string;
  issue_id: string;
  issue_key: string;
  project_key: string;
  summary: string;
  issue_type_id: string | null;
  status_id: string | null;
  story_points: NullableNumeric;
  wsjf: NullableNumeric;
  epic_key: string | null;
  team_id: string | null;
  sprint_id: number | null;
  updated_at: Timestamp;
}

export interface PlanningDependenciesTable {
  pi_id: string;
  link_id: string;
  link_type: string;
  outward_issue_id: string;
  inward_issue_id: string;
}

export type PlanningIncrementRow = Selectable<PlanningIncrementsTable>;
export type PlanningCardRow = Selectable<PlanningCardsTable>;
export type PlanningTeamRow = Selectable<PlanningTeamsTable>;
export type PlanningSprintRow = Selectable<PlanningSprintsTable>;
