import { syncCustomFields } from "./sync-custom-fields.ts";
import { sql } from "kysely";
import type { JiraMapping, MappingImpact, MappingProblem, MappingResponse, SyncField } from "../../../common/contracts/jira-mapping.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { defaultMapping, withNewProjects } from "../../../integrations/jira/sync/default-mapping.ts";
import { validateMapping } from "../../../integrations/jira/sync/validate-mapping.ts";
import { mappingNotes } from "../../../integrations/jira/sync/validate-projects.ts";
import { mappedProjects, mappingForProject } from "../../../integrations/jira/sync/project-mapping.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/types.ts";
import { recordAudit } from "../../models/audit-log.ts";
import { type ConnectionRow, findConnection } from "../../models/jira-connections.ts";
import { linksOfWorkspace } from "../../models/jira-links.ts";
import { findMapping, saveMappingRow } from "../../models/jira-mappings.ts";
import { presentUseCase } from "../../presenters/use-case.ts";
import { findUseCase } from "../../models/use-cases.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { listStatuses } from "../statuses.ts";
import { jiraClientFor } from "./client-for.ts";
import { readJiraMetadata } from "../../models/jira-metadata.ts";
import { loadUserDirectory, matchMembersByEmail } from "./user-directory.ts";

async function requireConnectionAndMetadata(deps: AppDeps, workspaceId: string) {
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) throw new AppError("not_connected", "This workspace has no Jira connection yet. An Admin or Moderator can add one under Settings → Jira.");
  const metadata = await readJiraMetadata(deps.db, connection.id);
  if (!metadata) throw new AppError("conflict", "Jira metadata was never loaded: use “Refresh metadata” under Settings → Jira, then map fields.");
  return { connection, metadata };
}

export async function getMapping(deps: AppDeps, workspaceId: string): Promise<MappingResponse> {
  const { connection, metadata } = await requireConnectionAndMetadata(deps, workspaceId);
  const stored = await findMapping(deps.db, workspaceId);
  const statuses = await listStatuses(deps.db, workspaceId);
  const mapping = stored ? withNewProjects(stored.mapping, metadata, statuses) : defaultMapping(metadata, connection.project_keys[0] ?? "", statuses);
  const directory = await loadUserDirectory(deps.db, workspaceId, mapping);
  return {
    mapping,
    saved: stored !== null,
    version: stored?.version ?? 0,
    unmatchedUsers: directory.unmatched(),
    warnings: [...validateMapping(mapping, metadata, new Set(statuses.map((s) => s.id)), await syncCustomFields(deps.db, workspaceId)), ...mappingNotes(mapping, metadata)],
  };
}

/** Fields mapped towards Jira must be settable: on the edit screen of a linked issue, else on the create screen. */
async function screenProblems(deps: AppDeps, connection: ConnectionRow, mapping: JiraMapping, sampleIssueKey: string | null): Promise<MappingProblem[]> {
  const client = jiraClientFor(deps, connection, { maxAttempts: 2 });
  let screen;
  try {
    screen = sampleIssueKey ? await client.editMeta(sampleIssueKey) : await client.createMeta(mapping.projectKey, mapping.issueTypeId);
  } catch (error) {
    if (isJiraError(error)) return [];
    throw error;
  }
  const onScreen = new Set(screen.map((f) => f.id));
  const where = sampleIssueKey ? `the edit screen of ${sampleIssueKey}` : `the create screen of ${mapping.projectKey}`;
  return mapping.fields.flatMap((entry, index) =>
    (entry.direction === "both" || entry.direction === "to_jira") && entry.jiraField !== "status" && !onScreen.has(entry.jiraField)
      ? [{ path: `fields.${index}.jiraField`, code: "not_on_screen", message: `${entry.jiraField} is not on ${where}, so Jira would refuse to set it. Ask a Jira admin to add it to the screen, or set the direction to "from_jira" or "off".` }]
      : [],
  );
}

function impactOf(before: JiraMapping | null, after: JiraMapping): MappingImpact["changedFields"] {
  const changed: MappingImpact["changedFields"] = [];
  const fields = new Set<SyncField>([...(before?.fields ?? []), ...after.fields].map((f) => f.tetherField));
  for (const field of fields) {
    const old = before?.fields.find((f) => f.tetherField === field);
    const next = after.fields.find((f) => f.tetherField === field);
    if (!old || old.direction === "off") {
      if (next && next.direction !== "off") changed.push({ tetherField: field, change: "added" });
    } else if (!next || next.direction === "off") changed.push({ tetherField: field, change: "removed" });
    else if (old.jiraField !== next.jiraField) changed.push({ tetherField: field, change: "jiraField" });
    else if (old.direction !== next.direction) changed.push({ tetherField: field, change: "direction" });
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (before && !same(before.statusMap, after.statusMap) && !changed.some((c) => c.tetherField === "status")) changed.push({ tetherField: "status", change: "values" });
  if (before && !same(before.priorityMap, after.priorityMap) && !changed.some((c) => c.tetherField === "priority")) changed.push({ tetherField: "priority", change: "values" });
  if (before && !same(before.userMap, after.userMap) && !changed.some((c) => c.tetherField === "assignee")) changed.push({ tetherField: "assignee", change: "values" });
  return changed;
}

/**
 * Checks a mapping against metadata and screens, then (unless a dry run) saves it and re-syncs
 * every linked use case it affects as tracked jobs. The dry run says which use cases and fields.
 */
export async function saveMapping(deps: AppDeps, caller: { userId: string; workspaceId: string }, mapping: JiraMapping, options: { dryRun: boolean; version?: number | undefined }) {
  const { connection, metadata } = await requireConnectionAndMetadata(deps, caller.workspaceId);
  const statuses = await listStatuses(deps.db, caller.workspaceId);
  const links = await linksOfWorkspace(deps.db, caller.workspaceId);
  const problems = validateMapping(mapping, metadata, new Set(statuses.map((s) => s.id)), await syncCustomFields(deps.db, caller.workspaceId));
  // Each mapped project's screens, with the mapping as it applies there (a sample linked issue of that project, else its create screen).
  for (const projectKey of problems.length === 0 ? mappedProjects(mapping) : []) {
    const sample = links.find((l) => l.issue_key && l.project_key === projectKey)?.issue_key ?? null;
    problems.push(...(await screenProblems(deps, connection, mappingForProject(mapping, projectKey), sample)));
  }
  if (problems.length > 0) {
    throw new AppError("mapping_invalid", `The mapping cannot be saved: ${problems.map((p) => `${p.path}: ${p.message}`).join(" ")}`, problems);
  }
  const before = (await findMapping(deps.db, caller.workspaceId))?.mapping ?? null;
  const changedFields = impactOf(before, mapping);
  const affected: MappingImpact["affected"] = [];
  if (changedFields.length > 0) {
    for (const link of links) {
      const record = await findUseCase(deps.db, caller.workspaceId, link.use_case_id);
      if (record) affected.push({ useCaseId: link.use_case_id, key: presentUseCase(record).key, issueKey: link.issue_key, fields: changedFields.map((c) => c.tetherField) });
    }
  }
  const impact: MappingImpact = { linkedUseCases: links.length, notes: mappingNotes(mapping, metadata), changedFields, affected };
  if (options.dryRun) return { impact, version: null };
  const version = await deps.db.transaction().execute(async (trx) => {
    const saved = await saveMappingRow(trx, caller.workspaceId, caller.userId, mapping, options.version);
    if (saved === null) throw new AppError("version_conflict", "Someone saved the mapping since you loaded it. Reload and apply your change again.");
    // A field now read from another Jira field has no agreed value any more.
    for (const change of changedFields.filter((c) => c.change === "jiraField" || c.change === "added")) {
      await trx.updateTable("jira_links").set({ base: sql`base - ${change.tetherField}::text` }).where("workspace_id", "=", caller.workspaceId).execute();
    }
    for (const item of affected) {
      const link = links.find((l) => l.use_case_id === item.useCaseId);
      if (link) await enqueue(trx, "jira_sync_link", { linkId: link.id, trigger: "mapping" }, { jobKey: linkSyncJobKey(link.id) });
    }
    await recordAudit(trx, { workspaceId: caller.workspaceId, actorId: caller.userId, action: "jira.mapping_saved", details: { changedFields, affected: affected.length } });
    return saved;
  });
  const directory = await loadUserDirectory(deps.db, caller.workspaceId, mapping);
  await matchMembersByEmail(deps.db, jiraClientFor(deps, connection, { maxAttempts: 2 }), caller.workspaceId, directory).catch(() => 0);
  return { impact, version };
}

/**
 * Re-sync progress of the last save: of the links it re-queued, those synced since or stopped at
 * something a person must fix (blocked, error, broken: they never get a new sync time on their own).
 * A save that changed no field re-queues none, so there is nothing to wait for.
 */
export async function resyncProgress(deps: AppDeps, workspaceId: string) {
  const stored = await findMapping(deps.db, workspaceId);
  const lastSave = await deps.db.selectFrom("audit_log").select("details").where("workspace_id", "=", workspaceId).where("action", "=", "jira.mapping_saved").orderBy("id", "desc").limit(1).executeTakeFirst();
  if (!stored || !lastSave || lastSave.details.affected === 0) return { total: 0, done: 0 };
  const since = stored.updatedAt;
  const links = await linksOfWorkspace(deps.db, workspaceId);
  const settled = (l: (typeof links)[number]) => (l.last_synced_at !== null && l.last_synced_at >= since) || (l.updated_at >= since && (l.state === "blocked" || l.state === "error" || l.state === "broken"));
  return { total: links.length, done: links.filter(settled).length };
}
