import type { Db } from "../../db/pool.ts";

/**
 * Data minimisation: with the feature off, no Jira issue content stays. The PIs' setup (names,
 * dates, boards, capacities) is kept; cards and dependencies come back with the next re-sync.
 */
export async function dropPlanningCards(db: Db, workspaceId: string): Promise<void> {
  const pis = db.selectFrom("planning_increments").select("id").where("workspace_id", "=", workspaceId);
  await db.deleteFrom("planning_dependencies").where("pi_id", "in", pis).execute();
  await db.deleteFrom("planning_cards").where("pi_id", "in", pis).execute();
}
