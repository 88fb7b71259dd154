import type { Db } from "../db/pool.ts";
import type { SyncDirection, SyncOutcome } from "../db/schema-jira-sync.ts";

export type SyncLogChange = { field: string; old: unknown; new: unknown };

export type SyncLogEntryInput = {
  workspaceId: string;
  useCaseId: string | null;
  linkId: string | null;
  issueKey: string | null;
  operation: string;
  direction: SyncDirection;
  outcome: SyncOutcome;
  changes?: SyncLogChange[];
  attempts?: number;
  durationMs?: number | null;
  errorCode?: string | null;
  message?: string | null;
  actorId?: string | null;
};

export async function recordSyncLog(db: Db, entry: SyncLogEntryInput): Promise<void> {
  await db
    .insertInto("jira_sync_log")
    .values({
      workspace_id: entry.workspaceId,
      use_case_id: entry.useCaseId,
      link_id: entry.linkId,
      issue_key: entry.issueKey,
      operation: entry.operation,
      direction: entry.direction,
      outcome: entry.outcome,
      changes: JSON.stringify(entry.changes ?? []),
      attempts: entry.attempts ?? 1,
      duration_ms: entry.durationMs ?? null,
      error_code: entry.errorCode ?? null,
      message: entry.message ?? null,
      actor_id: entry.actorId ?? null,
    })
    .execute();
}

export type SyncLogFilter = {
  useCaseId?: string | undefined;
  outcome?: SyncOutcome | undefined;
  direction?: SyncDirection | undefined;
  operation?: string | undefined;
  issueKey?: string | undefined;
  before?: string | undefined;
  limit: number;
};

/** Newest first, keyset-paginated by id. */
export async function listSyncLog(db: Db, workspaceId: string, filter: SyncLogFilter) {
  let query = db
    .selectFrom("jira_sync_log")
    .leftJoin("use_cases", "use_cases.id", "jira_sync_log.use_case_id")
    .selectAll("jira_sync_log")
    .select(["use_cases.number as use_case_number", "use_cases.title as use_case_title"])
    .where("jira_sync_log.workspace_id", "=", workspaceId);
  if (filter.useCaseId) query = query.where("jira_sync_log.use_case_id", "=", filter.useCaseId);
  if (filter.outcome) query = query.where("jira_sync_log.outcome", "=", filter.outcome);
  if (filter.direction) query = query.where("jira_sync_log.direction", "=", filter.direction);
  if (filter.operation) query = query.where("jira_sync_log.operation", "=", filter.operation);
  if (filter.issueKey) query = query.where("jira_sync_log.issue_key", "=", filter.issueKey);
  if (filter.before) query = query.where("jira_sync_log.id", "<", filter.before);
  const rows = await query.orderBy("jira_sync_log.id", "desc").limit(filter.limit + 1).execute();
  return { rows: rows.slice(0, filter.limit), nextCursor: rows.length > filter.limit ? String(rows[filter.limit - 1]?.id) : null };
}
