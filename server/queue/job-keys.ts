/** Job keys: graphile-worker replaces a waiting job with the same key, so repeated triggers coalesce. */
export const linkSyncJobKey = (linkId: string) => `jira-sync:${linkId}`;
export const reconcileJobKey = (workspaceId: string) => `jira-reconcile:${workspaceId}`;
/** One pending webhook (re-)registration per workspace. */
export const webhookRegisterJobKey = (workspaceId: string) => `jira-webhook:${workspaceId}`;
