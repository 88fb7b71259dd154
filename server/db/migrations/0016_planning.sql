-- PI planning on Jira (docs/adr/0012-planning.md). Data minimisation (the planning seed): only
-- Jira ids, keys, links, summary, story points and the chosen WSJF value of synced issues; no
-- other issue content. Everything is dropped with its program increment.

ALTER TABLE integration_features DROP CONSTRAINT IF EXISTS integration_features_feature_check;
ALTER TABLE integration_features ADD CONSTRAINT integration_features_feature_check
  CHECK (feature IN ('to_jira', 'from_jira', 'issue_listing', 'planning'));

CREATE TABLE planning_increments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  -- Extra issues the PI takes in besides its use cases' Epics' children (optional).
  jql text,
  -- The Jira number field planners use for WSJF (optional).
  wsjf_field_id text,
  -- Bumped by every change to the board: the cheap "has anything changed?" poll of other planners.
  version bigint NOT NULL DEFAULT 1,
  synced_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX planning_increments_workspace ON planning_increments (workspace_id);

-- The use cases whose Epics' child issues are cards of the PI.
CREATE TABLE planning_use_cases (
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  use_case_id uuid NOT NULL REFERENCES use_cases (id) ON DELETE CASCADE,
  PRIMARY KEY (pi_id, use_case_id)
);

-- One team per Jira board, with its capacity per sprint in story points.
CREATE TABLE planning_teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  board_id integer NOT NULL,
  name text NOT NULL,
  project_key text NOT NULL,
  capacity numeric NOT NULL CHECK (capacity >= 0),
  UNIQUE (pi_id, board_id)
);

CREATE TABLE planning_sprints (
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  team_id uuid NOT NULL REFERENCES planning_teams (id) ON DELETE CASCADE,
  sprint_id integer NOT NULL,
  name text NOT NULL,
  state text NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  PRIMARY KEY (pi_id, sprint_id)
);

CREATE TABLE planning_cards (
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  issue_id text NOT NULL,
  issue_key text NOT NULL,
  project_key text NOT NULL,
  summary text NOT NULL,
  issue_type_id text,
  status_id text,
  story_points numeric,
  wsjf numeric,
  epic_key text,
  team_id uuid REFERENCES planning_teams (id) ON DELETE SET NULL,
  -- The card's active or future sprint; null = "not planned".
  sprint_id integer,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pi_id, issue_id)
);
CREATE INDEX planning_cards_issue ON planning_cards (issue_id);

-- Dependencies: Jira issue links between two cards ("outward blocks inward").
CREATE TABLE planning_dependencies (
  pi_id uuid NOT NULL REFERENCES planning_increments (id) ON DELETE CASCADE,
  link_id text NOT NULL,
  link_type text NOT NULL,
  outward_issue_id text NOT NULL,
  inward_issue_id text NOT NULL,
  PRIMARY KEY (pi_id, link_id)
);
