import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { PlanningCardRow, PlanningIncrementRow, PlanningSprintRow, PlanningTeamRow } from "../db/schema-planning.ts";

export type { PlanningCardRow, PlanningIncrementRow, PlanningSprintRow, PlanningTeamRow } from "../db/schema-planning.ts";

/** A card as the resync and the webhook write it: only ids, keys, summary, story points, WSJF (data minimisation). */
export type CardWrite = {
  issueId: string;
  issueKey: string;
  projectKey: string;
  summary: string;
  issueTypeId: string | null;
  statusId: string | null;
  storyPoints: number | null;
  wsjf: number | null;
  epicKey: string | null;
  teamId: string | null;
  sprintId: number | null;
};

export type DependencyWrite = { linkId: string; linkType: string; outwardIssueId: string; inwardIssueId: string };

export async function findPi(db: Db, workspaceId: string, piId: string): Promise<PlanningIncrementRow | undefined> {
  return db.selectFrom("planning_increments").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", piId).executeTakeFirst();
}

export async function listPis(db: Db, workspaceId: string): Promise<PlanningIncrementRow[]> {
  return db.selectFrom("planning_increments").selectAll().where("workspace_id", "=", workspaceId).orderBy("starts_on", "desc").orderBy("created_at", "desc").execute();
}

export async function teamsOf(db: Db, piIds: readonly string[]): Promise<PlanningTeamRow[]> {
  if (piIds.length === 0) return [];
  return db.selectFrom("planning_teams").selectAll().where("pi_id", "in", piIds).orderBy("name").execute();
}

export async function useCaseIdsOf(db: Db, piIds: readonly string[]): Promise<Array<{ pi_id: string; use_case_id: string }>> {
  if (piIds.length === 0) return [];
  return db.selectFrom("planning_use_cases").selectAll().where("pi_id", "in", piIds).execute();
}

export async function sprintsOf(db: Db, piId: string): Promise<PlanningSprintRow[]> {
  return db.selectFrom("planning_sprints").selectAll().where("pi_id", "=", piId).orderBy("starts_at", "asc").orderBy("sprint_id").execute();
}

export async function cardsOf(db: Db, piId: string): Promise<PlanningCardRow[]> {
  return db.selectFrom("planning_cards").selectAll().where("pi_id", "=", piId).orderBy("issue_key").execute();
}

export async function findCard(db: Db, piId: string, issueKey: string): Promise<PlanningCardRow | undefined> {
  return db.selectFrom("planning_cards").selectAll().where("pi_id", "=", piId).where("issue_key", "=", issueKey).executeTakeFirst();
}

export async function dependenciesOf(db: Db, piId: string) {
  return db.selectFrom("planning_dependencies").selectAll().where("pi_id", "=", piId).orderBy("link_id").execute();
}

/** Every change to a board bumps its version, which other planners poll. */
export async function bumpVersion(db: Db, piId: string): Promise<void> {
  await db.updateTable("planning_increments").set({ version: sql`version + 1` }).where("id", "=", piId).execute();
}

export type SprintWrite = Omit<PlanningSprintRow, "starts_at" | "ends_at"> & { starts_at: Date | string | null; ends_at: Date | string | null };

export async function upsertSprint(db: Db, row: SprintWrite): Promise<void> {
  await db
    .insertInto("planning_sprints")
    .values(row)
    .onConflict((oc) => oc.columns(["pi_id", "sprint_id"]).doUpdateSet({ name: row.name, state: row.state, starts_at: row.starts_at, ends_at: row.ends_at, team_id: row.team_id }))
    .execute();
}

const cardValues = (piId: string, card: CardWrite) => ({
  pi_id: piId,
  issue_id: card.issueId,
  issue_key: card.issueKey,
  project_key: card.projectKey,
  summary: card.summary,
  issue_type_id: card.issueTypeId,
  status_id: card.statusId,
  story_points: card.storyPoints,
  wsjf: card.wsjf,
  epic_key: card.epicKey,
  team_id: card.teamId,
  sprint_id: card.sprintId,
  updated_at: new Date(),
});

export async function upsertCard(db: Db, piId: string, card: CardWrite): Promise<void> {
  const values = cardValues(piId, card);
  const { pi_id: _pi, issue_id: _issue, ...update } = values;
  await db
    .insertInto("planning_cards")
    .values(values)
    .onConflict((oc) => oc.columns(["pi_id", "issue_id"]).doUpdateSet(update))
    .execute();
}

/** Replaces the PI's cards and dependencies with what Jira holds now (a resync). */
export async function replaceCards(db: Db, piId: string, cards: readonly CardWrite[], dependencies: readonly DependencyWrite[]): Promise<void> {
  await db.deleteFrom("planning_cards").where("pi_id", "=", piId).execute();
  await db.deleteFrom("planning_dependencies").where("pi_id", "=", piId).execute();
  for (let start = 0; start < cards.length; start += 500) {
    await db.insertInto("planning_cards").values(cards.slice(start, start + 500).map((card) => cardValues(piId, card))).execute();
  }
  if (dependencies.length > 0) {
    await db
      .insertInto("planning_dependencies")
      .values(dependencies.map((link) => ({ pi_id: piId, link_id: link.linkId, link_type: link.linkType, outward_issue_id: link.outwardIssueId, inward_issue_id: link.inwardIssueId })))
      .execute();
  }
}

/** Replaces one team's cards (and the dependencies touching them) with what Jira holds now. */
export async function replaceTeamCards(db: Db, piId: string, teamId: string, cards: readonly CardWrite[], dependencies: readonly DependencyWrite[]): Promise<void> {
  const old = await db.selectFrom("planning_cards").select("issue_id").where("pi_id", "=", piId).where("team_id", "=", teamId).execute();
  const touched = [...new Set([...old.map((row) => row.issue_id), ...cards.map((card) => card.issueId)])];
  if (touched.length > 0) {
    await db.deleteFrom("planning_dependencies").where("pi_id", "=", piId).where((eb) => eb.or([eb("outward_issue_id", "in", touched), eb("inward_issue_id", "in", touched)])).execute();
  }
  await db.deleteFrom("planning_cards").where("pi_id", "=", piId).where("team_id", "=", teamId).execute();
  for (const card of cards) await upsertCard(db, piId, card);
  if (dependencies.length > 0) {
    await db
      .insertInto("planning_dependencies")
      .values(dependencies.map((link) => ({ pi_id: piId, link_id: link.linkId, link_type: link.linkType, outward_issue_id: link.outwardIssueId, inward_issue_id: link.inwardIssueId })))
      .onConflict((oc) => oc.columns(["pi_id", "link_id"]).doNothing())
      .execute();
  }
}

/** Remembers that a card was taken off the PI (not deleted in Jira), so nothing brings it back. */
export async function excludeCard(db: Db, piId: string, issueId: string): Promise<void> {
  await db.insertInto("planning_exclusions").values({ pi_id: piId, issue_id: issueId }).onConflict((oc) => oc.columns(["pi_id", "issue_id"]).doNothing()).execute();
}

export async function excludedIssueIds(db: Db, piId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("planning_exclusions").select("issue_id").where("pi_id", "=", piId).execute();
  return new Set(rows.map((row) => row.issue_id));
}
