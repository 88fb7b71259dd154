import { sql } from "kysely";
import type { JiraIssue } from "../../../integrations/jira/client/index.ts";
import { jiraValues } from "../../../integrations/jira/sync/jira-values.ts";
import { activeFields, type MappingContext } from "../../../integrations/jira/sync/mapping-context.ts";
import { mappingForProject } from "../../../integrations/jira/sync/project-mapping.ts";
import { tetherValues } from "../../../integrations/jira/sync/tether-values.ts";
import { buildTetherWrite } from "../../../integrations/jira/sync/to-tether.ts";
import type { Db } from "../../db/pool.ts";
import type { NewUseCase } from "../../db/schema.ts";
import type { AppDeps } from "../../http/types.ts";
import { countSyncJob } from "../../models/jira-sync-jobs.ts";
import { insertUseCases, takeUseCaseNumbers } from "../../models/use-case-bulk.ts";
import { findFirstStatus, selectUseCases } from "../../models/use-cases.ts";
import { presentUseCase, useCaseKey } from "../../presenters/use-case.ts";
import type { UserDirectory } from "./user-directory.ts";

export type ImportBatchInput = { workspaceId: string; jobId: string; createdBy: string; context: MappingContext; directory: UserDirectory };

/** A use case's columns from an Epic: every mapped field Jira holds that Tether can take (WSJF is computed). */
function useCaseFrom(issue: JiraIssue, context: MappingContext, defaults: { statusId: string; workspaceId: string; createdBy: string }): Omit<NewUseCase, "number"> {
  const jira = jiraValues(issue, context);
  const pulls = activeFields(context.mapping)
    .filter((entry) => entry.tetherField !== "wsjf")
    .map((entry) => ({ field: entry.tetherField, value: jira[entry.tetherField] ?? null }));
  const { patch } = buildTetherWrite(pulls, context);
  const title = patch.title ?? (issue.summary?.trim() || issue.key);
  return {
    workspace_id: defaults.workspaceId,
    title: title.slice(0, 200),
    description: patch.description ?? "",
    status_id: patch.statusId ?? defaults.statusId,
    assignee_id: patch.assigneeId ?? null,
    priority: patch.priority ?? "medium",
    tags: patch.tags ?? [],
    target_date: patch.targetDate ?? null,
    business_value: patch.businessValue ?? null,
    time_criticality: patch.timeCriticality ?? null,
    risk_reduction: patch.riskReduction ?? null,
    job_size: patch.jobSize ?? null,
    story_points: patch.storyPoints ?? null,
    visibility: "public",
    created_by: defaults.createdBy,
  };
}

async function insertBatch(trx: Db, input: ImportBatchInput, issues: readonly JiraIssue[]): Promise<{ created: number; skipped: number }> {
  // One import at a time per workspace: the "already linked?" check below then stays true until commit.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`jira-import:${input.workspaceId}`}))`.execute(trx);
  const ids = issues.map((i) => i.id);
  const linked = new Set((await trx.selectFrom("jira_links").select("issue_id").where("workspace_id", "=", input.workspaceId).where("issue_id", "in", ids).execute()).map((r) => r.issue_id));
  const fresh = issues.filter((issue, index) => !linked.has(issue.id) && ids.indexOf(issue.id) === index);
  if (fresh.length === 0) return { created: 0, skipped: issues.length };
  const status = await findFirstStatus(trx, input.workspaceId);
  if (!status) throw new Error("the workspace has no statuses");
  const first = await takeUseCaseNumbers(trx, input.workspaceId, fresh.length);
  // Each Epic is read with the mapping of its own project (a team-managed one has its own fields).
  const contextOf = (issue: JiraIssue): MappingContext => ({ ...input.context, mapping: mappingForProject(input.context.mapping, issue.projectKey ?? input.context.mapping.projectKey) });
  const rows = fresh.map((issue, index) => ({ ...useCaseFrom(issue, contextOf(issue), { statusId: status.id, workspaceId: input.workspaceId, createdBy: input.createdBy }), number: first + index }));
  const useCaseIds = await insertUseCases(trx, rows);
  await trx
    .insertInto("use_case_history")
    .values(rows.map((row, index) => ({
      use_case_id: useCaseIds[index]!,
      actor_id: input.createdBy,
      source: "jira" as const,
      actor_label: "Jira import",
      field: "created",
      old_value: null,
      new_value: JSON.stringify({ key: useCaseKey(row.number), title: row.title, issueKey: fresh[index]!.key }),
    })))
    .execute();
  const records = await selectUseCases(trx).where("use_cases.id", "in", useCaseIds).execute();
  const byId = new Map(records.map((r) => [r.id, r]));
  const now = new Date();
  // The base is what Tether now holds: the Epic's values as Tether took them. Nothing differs, so
  // nothing is pushed; a value Tether could not take stays Jira's and is pulled again (and noted).
  const links = await trx
    .insertInto("jira_links")
    .values(fresh.map((issue, index) => ({
      workspace_id: input.workspaceId,
      use_case_id: useCaseIds[index]!,
      issue_id: issue.id,
      issue_key: issue.key,
      project_key: issue.projectKey ?? input.context.mapping.projectKey,
      state: "ok" as const,
      base: JSON.stringify(tetherValues(presentUseCase(byId.get(useCaseIds[index]!)!), contextOf(issue))),
      jira_updated_at: issue.updated ? new Date(issue.updated) : null,
      last_synced_at: now,
      created_by: input.createdBy,
    })))
    .returning(["id", "use_case_id", "issue_key"])
    .execute();
  await trx
    .insertInto("jira_sync_log")
    .values(links.map((link) => ({
      workspace_id: input.workspaceId,
      use_case_id: link.use_case_id,
      link_id: link.id,
      issue_key: link.issue_key,
      operation: "import",
      direction: "from_jira" as const,
      outcome: "ok" as const,
      actor_id: input.createdBy,
      message: `Created from ${link.issue_key} and linked to it.`,
    })))
    .execute();
  return { created: fresh.length, skipped: issues.length - fresh.length };
}

/** One batch in one transaction: numbers taken in one UPDATE, one multi-row insert per table. */
export async function importBatch(deps: AppDeps, input: ImportBatchInput, issues: readonly JiraIssue[]): Promise<void> {
  for (const issue of issues) if (issue.assignee) await input.directory.learn(issue.assignee);
  const counts = await deps.db.transaction().execute((trx) => insertBatch(trx, input, issues));
  await countSyncJob(deps.db, input.jobId, { done: counts.created, skipped: counts.skipped });
}
