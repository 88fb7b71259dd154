import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { ImportBody, ImportPreview, ImportPreviewBody, OpenConflict, ResolveConflictBody, SaveSyncSettingsBody, SyncJobProgress, SyncSettings } from "../../../../common/contracts/jira-reconcile.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody } from "../responses.ts";
import { uuidPathOr404 } from "../use-cases/params.ts";

const tags = ["jira sync"];
const integration = `${workspacePath}/integrations/jira`;
const access = { kind: "workspace", action: "integration.setup" } as const;
const conflict = json(ErrorResponse, "Not possible in the current state (codes: not_connected, mapping_required, feature_disabled)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");

export const getSyncSettingsRoute = defineRoute({
  operationId: "getJiraSyncSettings",
  description:
    "Returns how often reconciliation searches Jira for changes whose webhook never arrived, and how its last run went. " +
    "Admins and Moderators.",
  method: "get",
  path: `${integration}/sync-settings`,
  tags,
  summary: "Reconciliation interval and how the last reconciliation went (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(SyncSettings, "The settings"), ...errorResponses },
});

export const saveSyncSettingsRoute = defineRoute({
  operationId: "saveJiraSyncSettings",
  description:
    "Sets the reconciliation interval in seconds (60 to 86400). Admins and Moderators.",
  method: "put",
  path: `${integration}/sync-settings`,
  tags,
  summary: "Set how often reconciliation searches Jira for missed changes (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams, body: jsonBody(SaveSyncSettingsBody, { reconcileIntervalSeconds: 900 }) },
  responses: { 200: json(SyncSettings, "Saved"), ...errorResponses },
});

export const startResyncRoute = defineRoute({
  operationId: "startJiraResync",
  description:
    "Queues a sync of every linked use case of the workspace and answers with a progress handle; a re-sync already running is " +
    "returned instead of a second one. Admins and Moderators.",
  method: "post",
  path: `${integration}/resync`,
  tags,
  summary: "Re-sync every linked use case now; answers with a progress handle (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams },
  responses: { 202: json(SyncJobProgress, "Queued"), ...errorResponses, 409: conflict },
});

export const resyncProgressRoute = defineRoute({
  operationId: "getJiraResyncProgress",
  description:
    "Returns the progress of the workspace's latest re-sync, or null when there was none. Admins and Moderators.",
  method: "get",
  path: `${integration}/resync`,
  tags,
  summary: "Progress of the latest workspace re-sync (null when there was none)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(z.object({ resync: SyncJobProgress.nullable() }), "Progress"), ...errorResponses },
});

export const importPreviewRoute = defineRoute({
  operationId: "previewJiraImport",
  description:
    "Lists the Epics a JQL query selects (the mapped issue type in the synced projects) and which of them are linked already, " +
    "without changing anything. Admins and Moderators.",
  method: "post",
  path: `${integration}/import/preview`,
  tags,
  summary: "Epics a JQL selects (mapped issue type, synced projects), and which are linked already",
  access,
  request: { params: WorkspaceParams, body: jsonBody(ImportPreviewBody, { jql: "project = TETH AND status != Done", limit: 50 }) },
  responses: { 200: json(ImportPreview, "The first Epics"), ...errorResponses, 409: conflict, 502: jiraFailed },
});

export const startImportRoute = defineRoute({
  operationId: "startJiraImport",
  description:
    "Queues a tracked job that creates and links a use case for each selected Epic not linked yet; running it twice links " +
    "nothing twice. Admins and Moderators.",
  method: "post",
  path: `${integration}/import`,
  tags,
  summary: "Create and link a use case for each selected Epic not linked yet (a tracked job; running it twice links nothing twice)",
  access,
  request: { params: WorkspaceParams, body: jsonBody(ImportBody, { issueKeys: ["TETH-12", "TETH-31"] }) },
  responses: { 202: json(SyncJobProgress, "Queued"), ...errorResponses, 409: conflict },
});

export const importProgressRoute = defineRoute({
  operationId: "getJiraImportProgress",
  description:
    "Returns the progress of one import job. Admins and Moderators.",
  method: "get",
  path: `${integration}/import/{jobId}`,
  tags,
  summary: "Progress of an import",
  access,
  middleware: [uuidPathOr404("jobId")],
  request: { params: WorkspaceParams.extend({ jobId: z.uuid() }) },
  responses: { 200: json(SyncJobProgress, "Progress"), ...errorResponses },
});

export const listConflictsRoute = defineRoute({
  operationId: "listSyncConflicts",
  description:
    "Lists the conflicts parked by the “ask” conflict policy: the use case, the field, Tether's value, Jira's value and the " +
    "last agreed one. Admins and Moderators.",
  method: "get",
  path: `${integration}/conflicts`,
  tags,
  summary: "Open conflicts parked in “ask” mode: use case, field, Tether's value, Jira's value, base",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(z.object({ conflicts: z.array(OpenConflict) }), "Open conflicts"), ...errorResponses },
});

export const resolveConflictRoute = defineRoute({
  operationId: "resolveSyncConflict",
  description:
    "Resolves one parked conflict by keeping Tether's or Jira's value for the field; the next sync carries it to the other side. " +
    "Admins and Moderators.",
  method: "post",
  path: `${integration}/conflicts/{linkId}/resolve`,
  tags,
  summary: "Keep Tether's or Jira's value for one conflicting field; the sync then carries it",
  access,
  middleware: [uuidPathOr404("linkId")],
  request: { params: WorkspaceParams.extend({ linkId: z.uuid() }), body: jsonBody(ResolveConflictBody, { field: "title", keep: "jira" }) },
  responses: { 200: json(z.object({ remaining: z.int() }), "Resolved; how many conflicts of this link remain"), ...errorResponses },
});
