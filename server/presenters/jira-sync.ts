import type { JiraLink, SyncLogEntry } from "../../common/contracts/jira-sync.ts";
import type { JiraLinkRow, JiraSyncLogRow } from "../db/schema-jira-sync.ts";
import { useCaseKey } from "./use-case.ts";

export function presentLink(row: JiraLinkRow, jiraBaseUrl: string | null): JiraLink {
  return {
    id: row.id,
    useCaseId: row.use_case_id,
    issueId: row.issue_id,
    issueKey: row.issue_key,
    issueUrl: row.issue_key && jiraBaseUrl ? `${jiraBaseUrl.replace(/\/+$/, "")}/browse/${encodeURIComponent(row.issue_key)}` : null,
    projectKey: row.project_key,
    state: row.state,
    stateCode: row.state_code,
    stateReason: row.state_reason,
    lastSyncedAt: row.last_synced_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

type LogRow = JiraSyncLogRow & { use_case_number: number | null; use_case_title: string | null };

export function presentSyncLogEntry(row: LogRow): SyncLogEntry {
  return {
    id: String(row.id),
    useCase: row.use_case_id && row.use_case_number !== null ? { id: row.use_case_id, key: useCaseKey(row.use_case_number), title: row.use_case_title ?? "" } : null,
    issueKey: row.issue_key,
    operation: row.operation,
    direction: row.direction,
    outcome: row.outcome,
    changes: Array.isArray(row.changes) ? (row.changes as SyncLogEntry["changes"]) : [],
    attempts: row.attempts,
    durationMs: row.duration_ms,
    errorCode: row.error_code,
    message: row.message,
    createdAt: row.created_at.toISOString(),
  };
}
