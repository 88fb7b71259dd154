import type { LinkBody, UseCaseJiraResponse } from "../../../common/contracts/jira-sync.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/types.ts";
import { loadFeatures } from "../../models/integration-features.ts";
import { findConnection } from "../../models/jira-connections.ts";
import { deleteLink, findLinkByIssue, findLinkByUseCase, insertLink } from "../../models/jira-links.ts";
import { findMapping } from "../../models/jira-mappings.ts";
import { listSyncLog, recordSyncLog } from "../../models/jira-sync-log.ts";
import { roleMay } from "../../policies/roles.ts";
import { useCaseMay } from "../../policies/use-cases.ts";
import { presentLink, presentSyncLogEntry } from "../../presenters/jira-sync.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { linkSyncJobKey } from "../../queue/job-keys.ts";
import { authoriseUseCase, type UseCaseCaller, useCaseNotFound } from "../use-case-access.ts";
import { jiraClientFor } from "./client-for.ts";
import { syncLink } from "./sync-link.ts";
import { mappedProjects, mappingForProject } from "../../../integrations/jira/sync/project-mapping.ts";

/** Visitors see nothing of the integration: for them it does not exist (404). */
async function authoriseIntegration(deps: AppDeps, caller: UseCaseCaller, useCaseId: string, action: "read" | "integration.link" | "integration.sync") {
  if (!roleMay(caller.role, "integration.view")) throw useCaseNotFound();
  return authoriseUseCase(deps.db, caller, useCaseId, action);
}

async function requireSetup(deps: AppDeps, workspaceId: string) {
  const connection = await findConnection(deps.db, workspaceId);
  if (!connection) throw new AppError("not_connected", "This workspace has no Jira connection yet. An Admin or Moderator can add one under Settings → Jira.");
  const mapping = await findMapping(deps.db, workspaceId);
  if (!mapping) throw new AppError("mapping_required", "Save the field mapping first (Settings → Jira → Mapping): it says which project and issue type a use case becomes.");
  return { connection, mapping: mapping.mapping };
}

export async function useCaseJira(deps: AppDeps, caller: UseCaseCaller, useCaseId: string): Promise<UseCaseJiraResponse> {
  const facts = await authoriseIntegration(deps, caller, useCaseId, "read");
  const [link, connection, features] = await Promise.all([
    findLinkByUseCase(deps.db, caller.workspaceId, useCaseId),
    findConnection(deps.db, caller.workspaceId),
    loadFeatures(deps.db, caller.workspaceId),
  ]);
  const recent = await listSyncLog(deps.db, caller.workspaceId, { useCaseId, limit: 10 });
  return {
    link: link ? presentLink(link, connection?.base_url ?? null) : null,
    abilities: {
      link: useCaseMay(caller.role, caller.userId, "integration.link", facts),
      sync: useCaseMay(caller.role, caller.userId, "integration.sync", facts),
    },
    features,
    recent: recent.rows.map(presentSyncLogEntry),
  };
}

/** Links to an existing issue (checked in Jira) or records the intent to create an Epic, then syncs. */
export async function linkUseCase(deps: AppDeps, caller: UseCaseCaller, useCaseId: string, body: LinkBody) {
  await authoriseIntegration(deps, caller, useCaseId, "integration.link");
  const { connection, mapping } = await requireSetup(deps, caller.workspaceId);
  const features = await loadFeatures(deps.db, caller.workspaceId);
  if (!features.toJira) throw new AppError("feature_disabled", "“Tether → Jira” is switched off for this workspace. An Admin can switch it on under Settings → Jira.");
  if (await findLinkByUseCase(deps.db, caller.workspaceId, useCaseId)) throw new AppError("already_linked", "This use case is already linked to a Jira issue. Unlink it first.");
  let target: { id: string; key: string; projectKey: string; issueType: { id: string; name: string } | null } | null = null;
  const createIn = "create" in body ? (body.projectKey ?? mapping.projectKey) : mapping.projectKey;
  if (!mappedProjects(mapping).includes(createIn)) {
    throw new AppError("jira_project_not_mapped", `The mapping creates Epics in ${mappedProjects(mapping).join(", ")}, not in ${createIn}. Add ${createIn} to the mapping's projects first (Settings → Jira → Mapping).`, [
      { path: "projectKey", code: "project_not_mapped", message: `project ${createIn} is not mapped` },
    ]);
  }
  if ("issueKey" in body) {
    const client = jiraClientFor(deps, connection);
    try {
      const issue = await client.getIssue(body.issueKey, { fields: ["project", "issuetype", "summary"] });
      target = { id: issue.id, key: issue.key, projectKey: issue.projectKey ?? body.issueKey.split("-")[0]!, issueType: issue.issueType };
    } catch (error) {
      if (isJiraError(error) && error.code === "NOT_FOUND") {
        throw new AppError("jira_issue_not_found", `Jira has no issue ${body.issueKey}, or the connection's account cannot see it.`, [{ path: "issueKey", code: "not_found", message: "no such issue" }]);
      }
      if (isJiraError(error)) throw new AppError("jira_failed", explainJiraError(error, { baseUrl: connection.base_url }).message, { jiraCode: error.code }, { cause: error });
      throw error;
    }
    if (!connection.project_keys.includes(target.projectKey) && !mappedProjects(mapping).includes(target.projectKey)) {
      throw new AppError("jira_project_not_mapped", `${target.key} is in project ${target.projectKey}, which this workspace's connection does not sync (${connection.project_keys.join(", ") || "none"}).`, [
        { path: "issueKey", code: "project_not_mapped", message: `project ${target.projectKey} is not synced` },
      ]);
    }
    // Synced with another project's Epic type, statuses and fields, the link would only block.
    if (!mappedProjects(mapping).includes(target.projectKey)) {
      throw new AppError("jira_project_not_mapped", `${target.key} is in project ${target.projectKey}, which the saved mapping does not cover yet. Open Settings → Jira → Mapping, check ${target.projectKey}'s proposed entry (Epic type, statuses, fields) and save the mapping, then link again.`, [
        { path: "issueKey", code: "project_not_mapped", message: `project ${target.projectKey} is not in the saved mapping` },
      ]);
    }
    // A use case is an Epic: a Story or Bug has another workflow and children of its own, so the
    // status map would block every run. Refused up front, saying what to do.
    const epicTypeId = mappingForProject(mapping, target.projectKey).issueTypeId;
    if (target.issueType && target.issueType.id !== epicTypeId) {
      throw new AppError(
        "jira_issue_not_epic",
        `${target.key} is a ${target.issueType.name}, not an Epic: a use case is linked to an Epic (the mapping's issue type for ${target.projectKey}). Link its Epic instead, change its type to Epic in Jira, or use Create Epic.`,
        [{ path: "issueKey", code: "not_epic", message: `${target.key} is a ${target.issueType.name}` }],
      );
    }
    const other = await findLinkByIssue(deps.db, caller.workspaceId, { id: target.id });
    if (other) throw new AppError("issue_already_linked", `${target.key} is already linked to another use case. An issue stands for one use case.`, { useCaseId: other.use_case_id });
  }
  const link = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertLink(trx, {
      workspaceId: caller.workspaceId,
      useCaseId,
      projectKey: target?.projectKey ?? createIn,
      state: target ? "pending" : "creating",
      createdBy: caller.userId,
      ...(target ? { issueId: target.id, issueKey: target.key } : {}),
    });
    await recordSyncLog(trx, { workspaceId: caller.workspaceId, useCaseId, linkId: inserted.id, issueKey: target?.key ?? null, operation: "link", direction: "none", outcome: "ok", actorId: caller.userId, message: target ? `Linked to ${target.key}.` : "Epic creation requested." });
    // Safety net: if this request dies before the inline sync below finishes, the worker carries on.
    await enqueue(trx, "jira_sync_link", { linkId: inserted.id, trigger: "link" }, { jobKey: linkSyncJobKey(inserted.id), runAt: new Date(Date.now() + 5_000) });
    return inserted;
  }).catch((error: unknown) => {
    if (typeof error === "object" && error !== null && (error as { code?: string }).code === "23505") throw new AppError("already_linked", "This use case (or that issue) was linked a moment ago. Reload.");
    throw error;
  });
  await syncLink(deps, link.id, "link");
  return presentCurrentLink(deps, caller.workspaceId, useCaseId);
}

export async function presentCurrentLink(deps: AppDeps, workspaceId: string, useCaseId: string) {
  const [link, connection] = await Promise.all([findLinkByUseCase(deps.db, workspaceId, useCaseId), findConnection(deps.db, workspaceId)]);
  if (!link) throw new AppError("not_found", "This use case is not linked to Jira.");
  return presentLink(link, connection?.base_url ?? null);
}

/** Removes the link; with `deleteInJira` the issue goes too, which needs Jira's DELETE_ISSUES. */
export async function unlinkUseCase(deps: AppDeps, caller: UseCaseCaller, useCaseId: string, options: { deleteInJira: boolean }) {
  await authoriseIntegration(deps, caller, useCaseId, "integration.link");
  const link = await findLinkByUseCase(deps.db, caller.workspaceId, useCaseId);
  if (!link) throw new AppError("not_found", "This use case is not linked to Jira.");
  if (options.deleteInJira && link.issue_key) {
    const connection = await findConnection(deps.db, caller.workspaceId);
    if (!connection) throw new AppError("not_connected", "This workspace has no Jira connection; the issue cannot be deleted from here.");
    try {
      await jiraClientFor(deps, connection).deleteIssue(link.issue_key);
    } catch (error) {
      if (!isJiraError(error)) throw error;
      // Already gone in Jira: unlinking is all that is left to do.
      if (error.code !== "NOT_FOUND") {
        if (error.code === "FORBIDDEN") {
          throw new AppError("forbidden", `Jira did not let the connection's account delete ${link.issue_key}: it needs the “Delete Issues” permission (DELETE_ISSUES) in ${link.project_key}. Unlink without deleting, or ask a Jira admin.`, { jiraCode: error.code });
        }
        throw new AppError("jira_failed", explainJiraError(error, { baseUrl: connection.base_url }).message, { jiraCode: error.code }, { cause: error });
      }
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await deleteLink(trx, link.id);
    await recordSyncLog(trx, {
      workspaceId: caller.workspaceId,
      useCaseId,
      linkId: link.id,
      issueKey: link.issue_key,
      operation: options.deleteInJira ? "unlink_delete" : "unlink",
      direction: options.deleteInJira ? "to_jira" : "none",
      outcome: "ok",
      actorId: caller.userId,
      message: options.deleteInJira ? `Unlinked and deleted ${link.issue_key} in Jira.` : `Unlinked from ${link.issue_key ?? "the Epic being created"}; the issue stays in Jira.`,
    });
  });
}

/** "Sync now": runs the link's sync in the request (also re-checks a broken link). */
export async function syncUseCaseNow(deps: AppDeps, caller: UseCaseCaller, useCaseId: string) {
  await authoriseIntegration(deps, caller, useCaseId, "integration.sync");
  const link = await findLinkByUseCase(deps.db, caller.workspaceId, useCaseId);
  if (!link) throw new AppError("not_found", "This use case is not linked to Jira.");
  const run = await syncLink(deps, link.id, "manual");
  if (run.rerunAt) await enqueue(deps.db, "jira_sync_link", { linkId: link.id, trigger: "manual" }, { jobKey: linkSyncJobKey(link.id), runAt: run.rerunAt });
  return presentCurrentLink(deps, caller.workspaceId, useCaseId);
}
