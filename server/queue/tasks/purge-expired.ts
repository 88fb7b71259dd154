import { purgeOldDeliveries } from "../../models/jira-webhook-deliveries.ts";
import { purgeExpiredSnapshots } from "../../models/epic-listing-cache.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** Hourly housekeeping: expired sessions, old failed-login records and webhook deliveries older than 7 days serve no one. Idempotent. */
export const purgeExpired = defineTask({
  name: "purge_expired",
  payload: taskPayloads.purge_expired,
  async handler(_payload, deps) {
    const now = new Date();
    const sessions = await deps.db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
    const attempts = await deps.db
      .deleteFrom("login_attempts")
      .where("attempted_at", "<", new Date(now.getTime() - 86_400_000))
      .executeTakeFirst();
    const deliveries = await purgeOldDeliveries(deps.db, now);
    const epicListings = await purgeExpiredSnapshots(deps.db, now);
    deps.logger.debug({ epicListings, sessions: Number(sessions.numDeletedRows), loginAttempts: Number(attempts.numDeletedRows), webhookDeliveries: deliveries }, "purged expired rows");
  },
});
