import { syncWebhookRegistration } from "../../commands/jira/webhook-registration.ts";
import { taskPayloads } from "../payloads.ts";
import { defineTask } from "./task.ts";

/** Brings Jira's webhook registration in line with the workspace's settings. Idempotent (upsert by URL). */
export const jiraWebhookRegister = defineTask({
  name: "jira_webhook_register",
  payload: taskPayloads.jira_webhook_register,
  async handler({ workspaceId }, deps) {
    await syncWebhookRegistration(deps, workspaceId);
  },
});
