import type { AppDeps } from "../../deps.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { refreshPlanningCards } from "./webhook-refresh.ts";
import { applySprintWebhook, type PlanningWebhookOutcome } from "./webhook-sprints.ts";

/** A sprint or issue-link delivery, as stored (ids only). */
export type AgileDelivery = { workspaceId: string; event: string; kind: "sprint" | "link"; sprintId: number | null; issueIds: readonly string[]; receivedAt: Date };

/**
 * Sprint and issue-link deliveries concern PI planning only (docs/WEBHOOKS.md): with the feature
 * off, or when nothing on a board is concerned, they are recorded as ignored with the reason.
 */
export async function applyPlanningWebhook(deps: AppDeps, delivery: AgileDelivery): Promise<PlanningWebhookOutcome> {
  if (!(await loadFeatures(deps.db, delivery.workspaceId)).planning) {
    return { status: "ignored", note: "Planning is switched off; sprint and issue-link events are used only by planning." };
  }
  if (delivery.kind === "sprint") {
    if (delivery.sprintId === null) return { status: "ignored", note: "The delivery names no sprint." };
    return applySprintWebhook(deps, delivery.workspaceId, delivery.sprintId);
  }
  return applyLinkWebhook(deps, delivery);
}

/** A link created or removed in Jira: the cards of both issues are re-read, so their dependencies follow Jira. */
async function applyLinkWebhook(deps: AppDeps, delivery: AgileDelivery): Promise<PlanningWebhookOutcome> {
  const issueIds = [...new Set(delivery.issueIds)];
  if (issueIds.length === 0) return { status: "ignored", note: "The delivery names no issue." };
  const held = await deps.db
    .selectFrom("planning_cards")
    .innerJoin("planning_increments", "planning_increments.id", "planning_cards.pi_id")
    .select("planning_cards.issue_id")
    .distinct()
    .where("planning_increments.workspace_id", "=", delivery.workspaceId)
    .where("planning_cards.issue_id", "in", issueIds)
    .execute();
  if (held.length === 0) return { status: "ignored", note: "Neither linked issue is on a program increment." };
  for (const { issue_id: issueId } of held) {
    await refreshPlanningCards(deps, { workspaceId: delivery.workspaceId, event: delivery.event, issueId, issueKey: null, useCaseId: null, receivedAt: delivery.receivedAt });
  }
  return { status: "synced", note: `Re-read ${held.length === 1 ? "1 card's issue" : `${held.length} cards' issues`} for the link.` };
}
