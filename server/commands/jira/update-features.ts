import type { IntegrationFeatures } from "../../../common/contracts/jira-connection.ts";
import type { Db } from "../../db/pool.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../../models/audit-log.ts";
import { featureColumns, loadFeatures, setFeature } from "../../models/integration-features.ts";
import { findConnection } from "../../models/jira-connections.ts";
import { scheduleWebhookRegistration } from "./webhook-settings.ts";
import { dropEpicListings } from "./epic-listing-invalidate.ts";
import { dropPlanningCards } from "../planning/drop-cards.ts";

/** Switches features on or off; switching one on needs a saved connection. Admin only (the route says so). */
export async function updateFeatures(
  db: Db,
  workspaceId: string,
  actorId: string,
  changes: { [K in keyof IntegrationFeatures]?: boolean | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const turningOn = Object.values(changes).some((v) => v === true);
    if (turningOn && !(await findConnection(trx, workspaceId))) {
      throw new AppError("not_connected", "Connect Jira first (Settings → Integrations → Jira), then switch features on.");
    }
    const before = await loadFeatures(trx, workspaceId);
    for (const [name, enabled] of Object.entries(changes) as [keyof IntegrationFeatures, boolean | undefined][]) {
      if (enabled === undefined || before[name] === enabled) continue;
      await setFeature(trx, workspaceId, actorId, featureColumns[name], enabled);
      await recordAudit(trx, { workspaceId, actorId, action: enabled ? "jira.feature_enabled" : "jira.feature_disabled", target: name });
    }
    // "From Jira" on registers the webhook, off removes it (in the background: Jira may be slow).
    if (changes.fromJira !== undefined && changes.fromJira !== before.fromJira) await scheduleWebhookRegistration(trx, workspaceId);
    if (changes.issueListing === false) await dropEpicListings(trx, workspaceId);
    if (changes.planning === false) await dropPlanningCards(trx, workspaceId);
    return loadFeatures(trx, workspaceId);
  });
}
