import type { Context } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { SyncSettings } from "../../../../common/contracts/jira-reconcile.ts";
import { listOpenConflicts, resolveConflict } from "../../../commands/jira/conflicts.ts";
import { importProgress, previewImport, startImport } from "../../../commands/jira/import-epics.ts";
import { lastReconcileEntry } from "../../../commands/jira/reconcile.ts";
import { latestResync, resyncWorkspace } from "../../../commands/jira/resync-workspace.ts";
import { requireActor, requireMembership } from "../../../http/actor.ts";
import { mount } from "../../../http/mount.ts";
import type { AppDeps, AppEnv } from "../../../http/types.ts";
import { recordAudit } from "../../../models/audit-log.ts";
import { findSyncSettings, saveReconcileInterval } from "../../../models/jira-sync-settings.ts";
import {
  getSyncSettingsRoute,
  importPreviewRoute,
  importProgressRoute,
  listConflictsRoute,
  resolveConflictRoute,
  resyncProgressRoute,
  saveSyncSettingsRoute,
  startImportRoute,
  startResyncRoute,
} from "./schema.ts";

function callerOf(c: Context<AppEnv>) {
  const actor = requireActor(c.get("actor"));
  const membership = requireMembership(c.get("membership"));
  return { userId: actor.userId, workspaceId: membership.workspaceId };
}

async function settingsOf(deps: AppDeps, workspaceId: string): Promise<SyncSettings> {
  const [settings, last] = await Promise.all([findSyncSettings(deps.db, workspaceId), lastReconcileEntry(deps, workspaceId)]);
  return {
    reconcileIntervalSeconds: settings.reconcileIntervalSeconds,
    lastReconciledAt: settings.lastReconciledAt?.toISOString() ?? null,
    lastRun: last ? { outcome: last.outcome, message: last.message, at: last.created_at.toISOString() } : null,
  };
}

/** Reconciliation settings, workspace re-sync, Epic import and the conflicts inbox (docs/SYNC.md). */
export function registerJiraReconcileRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mount(app, deps, getSyncSettingsRoute, async (c) => c.json(await settingsOf(deps, callerOf(c).workspaceId), 200));

  mount(app, deps, saveSyncSettingsRoute, async (c) => {
    const caller = callerOf(c);
    const { reconcileIntervalSeconds } = c.req.valid("json");
    await deps.db.transaction().execute(async (trx) => {
      await saveReconcileInterval(trx, caller.workspaceId, reconcileIntervalSeconds);
      await recordAudit(trx, { workspaceId: caller.workspaceId, actorId: caller.userId, action: "jira.sync_settings_saved", details: { reconcileIntervalSeconds } });
    });
    return c.json(await settingsOf(deps, caller.workspaceId), 200);
  });

  mount(app, deps, startResyncRoute, async (c) => c.json(await resyncWorkspace(deps, callerOf(c)), 202));

  mount(app, deps, resyncProgressRoute, async (c) => c.json({ resync: await latestResync(deps, callerOf(c).workspaceId) }, 200));

  mount(app, deps, importPreviewRoute, async (c) => c.json(await previewImport(deps, callerOf(c).workspaceId, c.req.valid("json")), 200));

  mount(app, deps, startImportRoute, async (c) => c.json(await startImport(deps, callerOf(c), c.req.valid("json")), 202));

  mount(app, deps, importProgressRoute, async (c) => c.json(await importProgress(deps, callerOf(c).workspaceId, c.req.valid("param").jobId), 200));

  mount(app, deps, listConflictsRoute, async (c) => c.json({ conflicts: await listOpenConflicts(deps, callerOf(c).workspaceId) }, 200));

  mount(app, deps, resolveConflictRoute, async (c) => c.json(await resolveConflict(deps, callerOf(c), c.req.valid("param").linkId, c.req.valid("json")), 200));
}
