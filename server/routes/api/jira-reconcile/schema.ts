import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { ImportBody, ImportPreview, ImportPreviewBody, OpenConflict, ResolveConflictBody, SaveSyncSettingsBody, SyncJobProgress, SyncSettings } from "../../../../common/contracts/jira-reconcile.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";
import { uuidPathOr404 } from "../use-cases/params.ts";

const tags = ["jira sync"];
const integration = `${workspacePath}/integrations/jira`;
const access = { kind: "workspace", action: "integration.setup" } as const;
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const conflict = json(ErrorResponse, "Not possible in the current state (codes: not_connected, mapping_required, feature_disabled)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");

export const getSyncSettingsRoute = defineRoute({
  method: "get",
  path: `${integration}/sync-settings`,
  tags,
  summary: "Reconciliation interval and how the last reconciliation went (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(SyncSettings, "The settings"), ...errorResponses },
});

export const saveSyncSettingsRoute = defineRoute({
  method: "put",
  path: `${integration}/sync-settings`,
  tags,
  summary: "Set how often reconciliation searches Jira for missed changes (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams, body: body(SaveSyncSettingsBody) },
  responses: { 200: json(SyncSettings, "Saved"), ...errorResponses },
});

export const startResyncRoute = defineRoute({
  method: "post",
  path: `${integration}/resync`,
  tags,
  summary: "Re-sync every linked use case now; answers with a progress handle (Admin, Moderator)",
  access,
  request: { params: WorkspaceParams },
  responses: { 202: json(SyncJobProgress, "Queued"), ...errorResponses, 409: conflict },
});

export const resyncProgressRoute = defineRoute({
  method: "get",
  path: `${integration}/resync`,
  tags,
  summary: "Progress of the latest workspace re-sync (null when there was none)",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(z.object({ resync: SyncJobProgress.nullable() }), "Progress"), ...errorResponses },
});

export const importPreviewRoute = defineRoute({
  method: "post",
  path: `${integration}/import/preview`,
  tags,
  summary: "Epics a JQL selects (mapped issue type, synced projects), and which are linked already",
  access,
  request: { params: WorkspaceParams, body: body(ImportPreviewBody) },
  responses: { 200: json(ImportPreview, "The first Epics"), ...errorResponses, 409: conflict, 502: jiraFailed },
});

export const startImportRoute = defineRoute({
  method: "post",
  path: `${integration}/import`,
  tags,
  summary: "Create and link a use case for each selected Epic not linked yet (a tracked job; running it twice links nothing twice)",
  access,
  request: { params: WorkspaceParams, body: body(ImportBody) },
  responses: { 202: json(SyncJobProgress, "Queued"), ...errorResponses, 409: conflict },
});

export const importProgressRoute = defineRoute({
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
  method: "get",
  path: `${integration}/conflicts`,
  tags,
  summary: "Open conflicts parked in “ask” mode: use case, field, Tether's value, Jira's value, base",
  access,
  request: { params: WorkspaceParams },
  responses: { 200: json(z.object({ conflicts: z.array(OpenConflict) }), "Open conflicts"), ...errorResponses },
});

export const resolveConflictRoute = defineRoute({
  method: "post",
  path: `${integration}/conflicts/{linkId}/resolve`,
  tags,
  summary: "Keep Tether's or Jira's value for one conflicting field; the sync then carries it",
  access,
  middleware: [uuidPathOr404("linkId")],
  request: { params: WorkspaceParams.extend({ linkId: z.uuid() }), body: body(ResolveConflictBody) },
  responses: { 200: json(z.object({ remaining: z.int() }), "Resolved; how many conflicts of this link remain"), ...errorResponses },
});
