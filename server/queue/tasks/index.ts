import type { TaskName } from "../payloads.ts";
import type { AppDeps } from "../../deps.ts";
import { jiraImportEpics } from "./jira-import-epics.ts";
import { jiraReconcile, jiraReconcileDue } from "./jira-reconcile.ts";
import { jiraSyncLink } from "./jira-sync-link.ts";
import { jiraWebhookIngest } from "./jira-webhook-ingest.ts";
import { jiraWebhookRegister } from "./jira-webhook-register.ts";
import { planningResync } from "./planning-resync.ts";
import { purgeExpired } from "./purge-expired.ts";
import { sendInvitationEmail } from "./send-invitation-email.ts";
import { sendPasswordResetEmail } from "./send-password-reset-email.ts";
import { sendVerificationEmail } from "./send-verification-email.ts";

/** Every task the worker runs. Add a task here and `enqueue` and the worker know it. */
export const tasks = [sendInvitationEmail, sendPasswordResetEmail, sendVerificationEmail, purgeExpired, jiraSyncLink, jiraReconcile, jiraReconcileDue, jiraImportEpics, jiraWebhookIngest, jiraWebhookRegister, planningResync] as const;

type RegisteredTask = (typeof tasks)[number];
export type { TaskName, TaskPayload } from "../payloads.ts";

// Every payload schema has its handler, and every handler is a known task: checked when compiling.
type Missing = Exclude<TaskName, RegisteredTask["name"]>;
type Unknown = Exclude<RegisteredTask["name"], TaskName>;
const everyTaskHasAHandler: [Missing, Unknown] extends [never, never] ? true : { missing: Missing; unknown: Unknown } = true;
void everyTaskHasAHandler;

export function taskNamed(name: TaskName): RegisteredTask {
  const task = tasks.find((t) => t.name === name);
  if (!task) throw new Error(`no task named ${name}`);
  return task;
}

/** Parses an (untrusted) payload with the task's schema, then runs the task; a bad payload throws. */
export async function runTask(task: RegisteredTask, payload: unknown, deps: AppDeps): Promise<void> {
  // Each task's handler takes exactly its own schema's output; the union needs the cast.
  const handler = task.handler as (payload: unknown, deps: AppDeps) => Promise<void>;
  await handler(task.payload.parse(payload), deps);
}
