import type { JiraClient, JiraSprint } from "../../../integrations/jira/client/index.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import type { Db } from "../../db/pool.ts";
import type { AppDeps } from "../../deps.ts";
import { findConnection } from "../../models/jira-connections.ts";
import { bumpVersion, type PlanningIncrementRow, sprintsOf, teamsOf, upsertSprint } from "../../models/planning.ts";
import { jiraClientFor } from "../jira/client-for.ts";
import { cardFieldList, teamLookup, toCardWrite } from "./card-fields.ts";
import { cardFieldIds } from "./card-source.ts";
import { sprintInPi } from "./resync.ts";

/** How a sprint or issue-link delivery ended, for `jira_webhook_deliveries` (status and a short note). */
export type PlanningWebhookOutcome = { status: "synced" | "ignored"; note: string };

/**
 * A sprint webhook (created, updated, started, closed, deleted) reaches the planning boards. The
 * delivery is a hint: the sprint is read once from Jira, then
 * - every PI that has it takes its name, state and dates; a closed one keeps its column and its
 *   cards go to "not planned" (Jira keeps closed sprints as history only, as the re-sync reads them);
 * - a sprint Jira no longer has (deleted) leaves every PI and its cards go to "not planned";
 * - a sprint on a team's board that falls in a PI (the re-sync's rule, `sprintInPi`) joins it;
 *   cards already in it (a sprint whose dates moved into the PI) follow with one search.
 * Each PI changed bumps its version, so open boards reload within their next poll.
 */
export async function applySprintWebhook(deps: AppDeps, workspaceId: string, sprintId: number): Promise<PlanningWebhookOutcome> {
  const pis = await deps.db.selectFrom("planning_increments").selectAll().where("workspace_id", "=", workspaceId).execute();
  if (pis.length === 0) return { status: "ignored", note: "No program increment in this workspace." };
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) return { status: "ignored", note: "Jira is not connected." };
  const jira = jiraClientFor(deps, connection);
  let sprint: JiraSprint | null = null;
  try {
    sprint = await jira.getSprint(sprintId);
  } catch (error) {
    if (!(isJiraError(error) && error.code === "NOT_FOUND")) throw error;
  }
  const holding = await deps.db
    .selectFrom("planning_sprints")
    .select(["pi_id", "team_id"])
    .where("pi_id", "in", pis.map((pi) => pi.id))
    .where("sprint_id", "=", sprintId)
    .execute();
  const held = new Map(holding.map((row) => [row.pi_id, row.team_id]));
  let changed = 0;
  if (!sprint) {
    for (const piId of held.keys()) {
      await deps.db.transaction().execute(async (trx) => {
        await unplanSprintCards(trx, piId, sprintId);
        await trx.deleteFrom("planning_sprints").where("pi_id", "=", piId).where("sprint_id", "=", sprintId).execute();
        await bumpVersion(trx, piId);
      });
      changed += 1;
    }
    return changed > 0 ? { status: "synced", note: `Sprint ${sprintId} is gone from Jira: removed from ${plural(changed)}; its cards are not planned.` } : { status: "ignored", note: `Sprint ${sprintId} is on no program increment.` };
  }
  const teams = await teamsOf(deps.db, pis.map((pi) => pi.id));
  for (const pi of pis) {
    const teamId = held.get(pi.id) ?? teams.find((team) => team.pi_id === pi.id && team.board_id === sprint.originBoardId)?.id;
    if (!teamId) continue;
    const joins = !held.has(pi.id);
    if (joins && !sprintInPi(sprint, pi.starts_on, pi.ends_on)) continue;
    const row = { pi_id: pi.id, team_id: teamId, sprint_id: sprint.id, name: sprint.name, state: sprint.state, starts_at: sprint.startDate, ends_at: sprint.endDate };
    await deps.db.transaction().execute(async (trx) => {
      await upsertSprint(trx, row);
      if (sprint.state === "closed") await unplanSprintCards(trx, pi.id, sprint.id);
      await bumpVersion(trx, pi.id);
    });
    if (joins && sprint.state !== "closed") await takeInSprintCards(deps, connection, jira, pi, sprint.id);
    changed += 1;
  }
  return changed > 0
    ? { status: "synced", note: `Sprint ${sprint.id} (${sprint.state}) updated on ${plural(changed)}.` }
    : { status: "ignored", note: `Sprint ${sprint.id} is on no program increment and falls in none.` };
}

const plural = (count: number) => (count === 1 ? "1 program increment" : `${count} program increments`);

/** The sprint's cards on a PI go to "not planned": no sprint, the team of their project (as a re-sync places them). One update per project. */
async function unplanSprintCards(db: Db, piId: string, sprintId: number): Promise<void> {
  const placement = teamLookup([], await teamsOf(db, [piId]));
  const projects = await db.selectFrom("planning_cards").select("project_key").distinct().where("pi_id", "=", piId).where("sprint_id", "=", sprintId).execute();
  for (const { project_key: projectKey } of projects) {
    const teamId = placement.byProject(projectKey);
    await db
      .updateTable("planning_cards")
      .set({ sprint_id: null, updated_at: new Date(), ...(teamId ? { team_id: teamId } : {}) })
      .where("pi_id", "=", piId)
      .where("sprint_id", "=", sprintId)
      .where("project_key", "=", projectKey)
      .execute();
  }
}

/** A sprint that joined a PI may already hold some of its cards: one search for the sprint's issues re-places them. */
async function takeInSprintCards(deps: AppDeps, connection: Parameters<typeof cardFieldIds>[1], jira: JiraClient, pi: PlanningIncrementRow, sprintId: number): Promise<void> {
  const onBoard = new Set((await deps.db.selectFrom("planning_cards").select("issue_id").where("pi_id", "=", pi.id).execute()).map((row) => row.issue_id));
  if (onBoard.size === 0) return;
  const ids = await cardFieldIds(deps, connection, pi, jira);
  const [sprints, teams] = await Promise.all([sprintsOf(deps.db, pi.id), teamsOf(deps.db, [pi.id])]);
  const placement = teamLookup(sprints, teams);
  let moved = 0;
  for await (const issue of jira.searchIssues(`sprint = ${sprintId}`, { fields: cardFieldList(ids) })) {
    if (!onBoard.has(issue.id)) continue;
    const card = toCardWrite(issue, ids, placement);
    await deps.db.updateTable("planning_cards").set({ sprint_id: card.sprintId, team_id: card.teamId, updated_at: new Date() }).where("pi_id", "=", pi.id).where("issue_id", "=", issue.id).execute();
    moved += 1;
  }
  if (moved > 0) await bumpVersion(deps.db, pi.id);
}
