import type { IntegrationFeatures } from "../../common/contracts/jira-connection.ts";
import type { Db } from "../db/pool.ts";
import type { IntegrationFeature } from "../db/schema.ts";

export const featureColumns: Record<keyof IntegrationFeatures, IntegrationFeature> = {
  toJira: "to_jira",
  fromJira: "from_jira",
  issueListing: "issue_listing",
  planning: "planning",
};

export async function loadFeatures(db: Db, workspaceId: string): Promise<IntegrationFeatures> {
  const rows = await db.selectFrom("integration_features").select(["feature", "enabled"]).where("workspace_id", "=", workspaceId).execute();
  const enabled = (feature: IntegrationFeature) => rows.some((r) => r.feature === feature && r.enabled);
  return { toJira: enabled("to_jira"), fromJira: enabled("from_jira"), issueListing: enabled("issue_listing"), planning: enabled("planning") };
}

export async function setFeature(db: Db, workspaceId: string, actorId: string, feature: IntegrationFeature, enabled: boolean) {
  await db
    .insertInto("integration_features")
    .values({ workspace_id: workspaceId, feature, enabled, updated_by: actorId })
    .onConflict((oc) => oc.columns(["workspace_id", "feature"]).doUpdateSet({ enabled, updated_by: actorId, updated_at: new Date() }))
    .execute();
}
