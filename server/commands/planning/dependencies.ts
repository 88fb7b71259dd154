import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../deps.ts";
import { bumpVersion, findCard } from "../../models/planning.ts";
import { authorisePlanning, type PlanningCaller, planningContext, planningJiraError, requirePi } from "./access.ts";
import { requirePlannableCard } from "./move-card.ts";

/**
 * Draws a dependency: `from` blocks `to`, a Jira issue link of the chosen type (outward = from).
 * An unknown link type is refused before anything is written.
 */
export async function createDependency(deps: AppDeps, caller: PlanningCaller, piId: string, body: { linkType: string; fromIssueKey: string; toIssueKey: string }) {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  if (body.fromIssueKey === body.toIssueKey) throw new AppError("validation_failed", "A card cannot depend on itself.", { field: "toIssueKey" });
  const to = await requirePlannableCard(deps, caller, pi.id, body.toIssueKey);
  const from = await findCard(deps.db, pi.id, body.fromIssueKey);
  if (!from) throw new AppError("not_found", `Card ${body.fromIssueKey} is not on this program increment's board.`);
  try {
    const types = await jira.listIssueLinkTypes();
    const type = types.find((candidate) => candidate.name.toLowerCase() === body.linkType.toLowerCase());
    if (!type) throw new AppError("planning_refused", `Jira has no link type “${body.linkType}”. Known types: ${types.map((candidate) => candidate.name).join(", ")}.`);
    await jira.createIssueLink({ typeName: type.name, outwardIssueKey: from.issue_key, inwardIssueKey: to.issue_key });
    // Jira answers 201 without the link: read it back from the blocker's links.
    const link = (await jira.issueLinks(from.issue_key)).find((candidate) => candidate.typeName === type.name && candidate.outwardIssueId === from.issue_id && candidate.inwardIssueId === to.issue_id);
    if (!link) throw new AppError("jira_failed", `Jira accepted the link ${from.issue_key} → ${to.issue_key} but does not show it yet; re-sync the PI.`);
    await deps.db
      .insertInto("planning_dependencies")
      .values({ pi_id: pi.id, link_id: link.id, link_type: type.name, outward_issue_id: from.issue_id, inward_issue_id: to.issue_id })
      .onConflict((oc) => oc.columns(["pi_id", "link_id"]).doNothing())
      .execute();
    await bumpVersion(deps.db, pi.id);
    return { linkId: link.id, linkType: type.name, fromIssueId: from.issue_id, toIssueId: to.issue_id };
  } catch (error) {
    throw planningJiraError(error, connection, `link ${body.fromIssueKey} → ${body.toIssueKey}`);
  }
}

/** Removes a dependency: deletes the Jira link (already gone in Jira counts as done). */
export async function removeDependency(deps: AppDeps, caller: PlanningCaller, piId: string, linkId: string): Promise<void> {
  authorisePlanning(caller, "planning.view");
  const pi = await requirePi(deps, caller, piId);
  const { jira, connection } = await planningContext(deps, caller.workspaceId);
  const link = await deps.db.selectFrom("planning_dependencies").selectAll().where("pi_id", "=", pi.id).where("link_id", "=", linkId).executeTakeFirst();
  if (!link) throw new AppError("not_found", "That dependency is not on this program increment's board.");
  const to = await deps.db.selectFrom("planning_cards").select("issue_key").where("pi_id", "=", pi.id).where("issue_id", "=", link.inward_issue_id).executeTakeFirst();
  if (to) await requirePlannableCard(deps, caller, pi.id, to.issue_key);
  try {
    await jira.deleteIssueLink(linkId);
  } catch (error) {
    if (!(isJiraError(error) && error.code === "NOT_FOUND")) throw planningJiraError(error, connection, "remove the link");
  }
  await deps.db.deleteFrom("planning_dependencies").where("pi_id", "=", pi.id).where("link_id", "=", linkId).execute();
  await bumpVersion(deps.db, pi.id);
}
