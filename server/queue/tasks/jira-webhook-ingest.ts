import { ingestDelivery } from "../../commands/jira/webhook-ingest.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** One stored webhook delivery → the link's sync job (or a note why not). Enqueued by the webhook route's insert. */
export const jiraWebhookIngest = defineTask({
  name: "jira_webhook_ingest",
  payload: taskPayloads.jira_webhook_ingest,
  async handler({ deliveryId }, deps) {
    await ingestDelivery(deps, deliveryId);
  },
});
