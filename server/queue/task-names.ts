/** Every task the worker runs, with the (id-only) payload it takes. Payloads are re-checked at run time. */
export type TaskPayloads = {
  send_invitation_email: { invitationId: string; inviteUrl: string };
  purge_expired: Record<string, never>;
  jira_sync_link: { linkId: string; trigger?: "save" | "webhook" | "reconcile" | "manual" | "link" | "mapping" };
};

export type TaskName = keyof TaskPayloads;
