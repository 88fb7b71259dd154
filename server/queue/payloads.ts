import { z } from "zod";

/**
 * Every background job's name and payload schema (ids only — never secrets, which would sit in
 * graphile_worker.jobs). Kept apart from the handlers so that `enqueue`, which commands call,
 * does not import the handlers, which call commands: the queue's arrows run one way.
 */
export const taskPayloads = {
  send_invitation_email: z.object({ invitationId: z.uuid() }),
  send_password_reset_email: z.object({ resetId: z.uuid() }),
  send_verification_email: z.object({ verificationId: z.uuid() }),
  purge_expired: z.object({}),
  jira_sync_link: z.object({ linkId: z.uuid(), trigger: z.enum(["save", "webhook", "reconcile", "manual", "link", "mapping"]).default("save") }),
  jira_reconcile: z.object({ workspaceId: z.uuid() }),
  jira_reconcile_due: z.object({}).loose(),
  jira_import_epics: z.object({ jobId: z.uuid() }),
  jira_webhook_ingest: z.object({ deliveryId: z.string().regex(/^\d+$/) }),
  jira_webhook_register: z.object({ workspaceId: z.uuid() }),
  planning_resync: z.object({ jobId: z.uuid() }),
} as const;

export type TaskName = keyof typeof taskPayloads;
/** What `enqueue` accepts for a task: the input of its payload schema. */
export type TaskPayload<Name extends TaskName> = z.input<(typeof taskPayloads)[Name]>;
