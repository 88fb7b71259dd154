import { mappedProjects, mappingForProject } from "../../../integrations/jira/sync/project-mapping.ts";
import { syncCustomFields } from "./sync-custom-fields.ts";
import { ImportBody, type ImportPreview, type SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import { type JiraError, isJiraError } from "../../../integrations/jira/client/index.ts";
import { explainJiraError } from "../../../integrations/jira/connection/explain.ts";
import { jiraFieldsToRead, type MappingContext } from "../../../integrations/jira/sync/mapping-context.ts";
import { AppError } from "../../errors.ts";
import type { AppDeps } from "../../http/types.ts";
import { createSyncJob, findSyncJob, updateSyncJob } from "../../models/jira-sync-jobs.ts";
import { presentSyncJob } from "../../presenters/jira-sync-jobs.ts";
import { enqueue } from "../../queue/enqueue.ts";
import { importBatch } from "./import-batch.ts";
import { richTextCodec } from "./rich-text.ts";
import { isSetupProblem, loadSyncSetup, type SyncSetup } from "./sync-setup.ts";
import { loadUserDirectory } from "./user-directory.ts";

/** Epics created per transaction: one number range, one multi-row insert per table. */
export const IMPORT_BATCH_SIZE = 100;
const KEYS_PER_SEARCH = 100;

/** The caller's JQL narrowed to the mapping's issue type in the synced projects (its ORDER BY kept last). */
export function epicJql(userJql: string, setup: Pick<SyncSetup, "mapping" | "connection">): string {
  const order = /\s+order\s+by\s+[^"']*$/i.exec(userJql);
  const where = order ? userJql.slice(0, order.index) : userJql;
  const projects = [...new Set([setup.mapping.projectKey, ...setup.connection.project_keys])].map((k) => JSON.stringify(k)).join(", ");
  // Each mapped project's Epic type (a team-managed project has its own).
  const types = [...new Set(mappedProjects(setup.mapping).map((key) => mappingForProject(setup.mapping, key).issueTypeId))];
  const issueType = types.length === 1 ? `issuetype = ${JSON.stringify(types[0])}` : `issuetype in (${types.map((id) => JSON.stringify(id)).join(", ")})`;
  return `(${where.trim()}) AND project in (${projects}) AND ${issueType}${order ? order[0] : " ORDER BY key ASC"}`;
}

async function requireSetup(deps: AppDeps, workspaceId: string): Promise<SyncSetup> {
  const setup = await loadSyncSetup(deps, workspaceId);
  if (isSetupProblem(setup)) {
    const code = setup.code === "jira_not_connected" ? "not_connected" : setup.code === "jira_mapping_missing" ? "mapping_required" : "conflict";
    throw new AppError(code, setup.message);
  }
  if (!setup.features.fromJira) throw new AppError("feature_disabled", "“Jira → Tether” is switched off for this workspace: nothing can be imported. An Admin can switch it on under Settings → Jira.");
  return setup;
}

function jiraProblem(error: JiraError, baseUrl: string): AppError {
  if (error.code === "VALIDATION") return new AppError("validation_failed", `Jira did not accept the JQL: ${error.message}`, [{ path: "jql", code: "jql_invalid", message: error.message }], { cause: error });
  return new AppError("jira_failed", explainJiraError(error, { baseUrl }).message, { jiraCode: error.code }, { cause: error });
}

/** The first `limit` Epics the JQL selects, each with whether it is linked already. */
export async function previewImport(deps: AppDeps, workspaceId: string, body: { jql: string; limit: number }): Promise<ImportPreview> {
  const setup = await requireSetup(deps, workspaceId);
  let page;
  try {
    page = await setup.client.searchIssuesPage(epicJql(body.jql, setup), { fields: ["summary", "status"], pageSize: body.limit });
  } catch (error) {
    if (isJiraError(error)) throw jiraProblem(error, setup.connection.base_url);
    throw error;
  }
  const issues = page.issues.slice(0, body.limit);
  const ids = issues.map((i) => i.id);
  const linked = ids.length === 0 ? [] : await deps.db.selectFrom("jira_links").select("issue_id").where("workspace_id", "=", workspaceId).where("issue_id", "in", ids).execute();
  const linkedIds = new Set(linked.map((l) => l.issue_id));
  return {
    epics: issues.map((issue) => ({ issueId: issue.id, issueKey: issue.key, summary: issue.summary ?? "", status: issue.status?.name ?? null, linked: linkedIds.has(issue.id) })),
    more: page.nextCursor !== null || page.issues.length > body.limit,
  };
}

/** Records the import as a tracked job and queues it; the answer is the progress handle. */
export async function startImport(deps: AppDeps, caller: { userId: string; workspaceId: string }, body: ImportBody): Promise<SyncJobProgress> {
  await requireSetup(deps, caller.workspaceId);
  const job = await deps.db.transaction().execute(async (trx) => {
    const created = await createSyncJob(trx, { workspaceId: caller.workspaceId, kind: "import", request: body, createdBy: caller.userId });
    await enqueue(trx, "jira_import_epics", { jobId: created.id }, { maxAttempts: 3 });
    return created;
  });
  return presentSyncJob(job);
}

export async function importProgress(deps: AppDeps, workspaceId: string, jobId: string): Promise<SyncJobProgress> {
  const job = await findSyncJob(deps.db, workspaceId, jobId);
  if (!job || job.kind !== "import") throw new AppError("not_found", "No such import.");
  return presentSyncJob(job);
}

async function* selectedEpics(setup: SyncSetup, body: ImportBody) {
  const perProject = mappedProjects(setup.mapping).flatMap((key) => jiraFieldsToRead(mappingForProject(setup.mapping, key)));
  const fields = [...new Set([...jiraFieldsToRead(setup.mapping), ...perProject, "summary", "status"])];
  if ("jql" in body) {
    yield* setup.client.searchIssues(epicJql(body.jql, setup), { fields, pageSize: IMPORT_BATCH_SIZE });
    return;
  }
  const keys = [...new Set(body.issueKeys)];
  for (let start = 0; start < keys.length; start += KEYS_PER_SEARCH) {
    const chunk = keys.slice(start, start + KEYS_PER_SEARCH).map((k) => JSON.stringify(k)).join(", ");
    yield* setup.client.searchIssues(epicJql(`key in (${chunk})`, setup), { fields, pageSize: IMPORT_BATCH_SIZE });
  }
}

/** The import job: creates and links a use case per unlinked Epic, in batches; Epics linked already are skipped. */
export async function runImport(deps: AppDeps, jobId: string): Promise<void> {
  const job = await deps.db.selectFrom("jira_sync_jobs").selectAll().where("id", "=", jobId).executeTakeFirst();
  if (!job || job.kind !== "import" || job.state === "done" || job.state === "failed") return;
  const fail = (code: string, message: string) => updateSyncJob(deps.db, job.id, { state: "failed", error_code: code, message, finished_at: new Date() });
  const setup = await loadSyncSetup(deps, job.workspace_id);
  if (isSetupProblem(setup)) return fail(setup.code, setup.message);
  if (!job.created_by) return fail("requester_gone", "The person who started the import no longer exists; start it again.");
  const request = ImportBody.safeParse(job.request);
  if (!request.success) return fail("request_invalid", "The stored import request is not valid; start the import again.");
  await updateSyncJob(deps.db, job.id, { state: "running" });
  const directory = await loadUserDirectory(deps.db, job.workspace_id, setup.mapping);
  const context: MappingContext = { mapping: setup.mapping, jiraUserFor: directory.jiraUserFor, memberForJiraUser: directory.memberForJiraUser, jiraUserLabel: directory.jiraUserLabel, richText: richTextCodec(setup.client.flavor), customFields: await syncCustomFields(deps.db, job.workspace_id) };
  const batchInput = { workspaceId: job.workspace_id, jobId: job.id, createdBy: job.created_by, context, directory };
  let batch = [];
  let seen = 0;
  try {
    for await (const issue of selectedEpics(setup, request.data)) {
      batch.push(issue);
      seen += 1;
      if (batch.length >= IMPORT_BATCH_SIZE) {
        await updateSyncJob(deps.db, job.id, { total: seen });
        await importBatch(deps, batchInput, batch);
        batch = [];
      }
    }
    await updateSyncJob(deps.db, job.id, { total: seen });
    if (batch.length > 0) await importBatch(deps, batchInput, batch);
  } catch (error) {
    if (!isJiraError(error)) throw error;
    return fail(error.code === "VALIDATION" ? "jql_invalid" : "jira_failed", explainJiraError(error, { baseUrl: setup.connection.base_url }).message);
  }
  const done = await findSyncJob(deps.db, job.workspace_id, job.id);
  await updateSyncJob(deps.db, job.id, {
    state: "done",
    finished_at: new Date(),
    message: `${done?.done ?? 0} use case(s) created and linked; ${done?.skipped ?? 0} Epic(s) were linked already.`,
  });
}
