/** Every task the worker runs, with the (id-only) payload it takes. Payloads are re-checked at run time. */
export type TaskPayloads = {
  send_invitation_email: { invitationId: string; inviteUrl: string };
};

export type TaskName = keyof TaskPayloads;
