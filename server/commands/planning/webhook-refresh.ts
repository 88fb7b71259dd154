import type { JiraIssue } from "../../../integrations/jira/client/index.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import type { AppDeps } from "../../deps.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { findConnection } from "../../models/jira-connections.ts";
import { bumpVersion, excludedIssueIds, sprintsOf, teamsOf, upsertCard, type PlanningIncrementRow } from "../../models/planning.ts";
import { jiraClientFor } from "../jira/client-for.ts";
import { cardFieldList, teamLookup, toCardWrite } from "./card-fields.ts";
import { cardFieldIds, dependenciesOf, epicKeysOf } from "./card-source.ts";
import type { IssueWebhookEvent } from "../jira/webhook-events.ts";

/**
 * A Jira change to an issue reaches the planning boards that hold it (or whose Epics it now
 * belongs to): the webhook is a hint, so the issue is read once from Jira and every card of it
 * rewritten; a deleted issue leaves the boards. Reconciliation of a whole PI is its re-sync.
 */
export async function refreshPlanningCards(deps: AppDeps, event: IssueWebhookEvent): Promise<void> {
  if (!event.issueId && !event.issueKey) return;
  if (!(await loadFeatures(deps.db, event.workspaceId)).planning) return;
  const pis = await deps.db.selectFrom("planning_increments").selectAll().where("workspace_id", "=", event.workspaceId).execute();
  if (pis.length === 0) return;
  const holding = await deps.db
    .selectFrom("planning_cards")
    .select(["pi_id", "issue_id", "issue_key"])
    .where("pi_id", "in", pis.map((pi) => pi.id))
    .where((eb) => eb.or([eb("issue_id", "=", event.issueId ?? ""), eb("issue_key", "=", event.issueKey ?? "")]))
    .execute();
  const connection = await findConnection(deps.db, event.workspaceId);
  if (!connection) return;
  const jira = jiraClientFor(deps, connection);
  const key = event.issueKey ?? holding[0]?.issue_key;
  if (!key) return;
  let issue: JiraIssue | null = null;
  if (event.event !== "jira:issue_deleted") {
    const ids = await cardFieldIds(deps, connection, { wsjf_field_id: null }, jira);
    const wsjfFields = [...new Set(pis.map((pi) => pi.wsjf_field_id).filter((id): id is string => id !== null))];
    try {
      issue = await jira.getIssue(key, { fields: [...cardFieldList(ids), ...wsjfFields] });
    } catch (error) {
      if (!(isJiraError(error) && error.code === "NOT_FOUND")) throw error;
    }
  }
  for (const pi of pis) {
    const held = holding.some((card) => card.pi_id === pi.id);
    if (!issue) {
      if (held) await removeCard(deps, pi.id, holding.find((card) => card.pi_id === pi.id)?.issue_id ?? "");
      continue;
    }
    const belongs = held || (issue.parentKey !== null && (await epicKeysOf(deps, pi.id)).includes(issue.parentKey));
    if (belongs) await rewriteCard(deps, connection, jira, pi, issue);
  }
}

async function removeCard(deps: AppDeps, piId: string, issueId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("planning_dependencies").where("pi_id", "=", piId).where((eb) => eb.or([eb("outward_issue_id", "=", issueId), eb("inward_issue_id", "=", issueId)])).execute();
    await trx.deleteFrom("planning_cards").where("pi_id", "=", piId).where("issue_id", "=", issueId).execute();
    await bumpVersion(trx, piId);
  });
}

async function rewriteCard(deps: AppDeps, connection: Parameters<typeof cardFieldIds>[1], jira: Parameters<typeof cardFieldIds>[3], pi: PlanningIncrementRow, issue: JiraIssue): Promise<void> {
  // A card removed from this PI by a planner stays off it (migration 0020).
  if ((await excludedIssueIds(deps.db, pi.id)).has(issue.id)) return;
  const ids = await cardFieldIds(deps, connection, pi, jira);
  const [sprints, teams] = await Promise.all([sprintsOf(deps.db, pi.id), teamsOf(deps.db, [pi.id])]);
  const card = toCardWrite(issue, ids, teamLookup(sprints, teams));
  const onBoard = await deps.db.selectFrom("planning_cards").select("issue_id").where("pi_id", "=", pi.id).execute();
  const cardIds = new Set([...onBoard.map((row) => row.issue_id), issue.id]);
  const links = dependenciesOf(issue).filter((link) => cardIds.has(link.outwardIssueId) && cardIds.has(link.inwardIssueId));
  await deps.db.transaction().execute(async (trx) => {
    await upsertCard(trx, pi.id, card);
    await trx.deleteFrom("planning_dependencies").where("pi_id", "=", pi.id).where((eb) => eb.or([eb("outward_issue_id", "=", issue.id), eb("inward_issue_id", "=", issue.id)])).execute();
    if (links.length > 0) {
      await trx
        .insertInto("planning_dependencies")
        .values(links.map((link) => ({ pi_id: pi.id, link_id: link.linkId, link_type: link.linkType, outward_issue_id: link.outwardIssueId, inward_issue_id: link.inwardIssueId })))
        .onConflict((oc) => oc.columns(["pi_id", "link_id"]).doNothing())
        .execute();
    }
    await bumpVersion(trx, pi.id);
  });
}
