import { syncCustomFields } from "./sync-custom-fields.ts";
import { isJiraError } from "../../../integrations/jira/client/index.ts";
import { classifyJiraFailure } from "../../../integrations/jira/sync/failure.ts";
import { jiraFieldsToRead, type MappingContext } from "../../../integrations/jira/sync/mapping-context.ts";
import { mappingForProject } from "../../../integrations/jira/sync/project-mapping.ts";
import type { SyncValues } from "../../../integrations/jira/sync/values.ts";
import type { Db } from "../../db/pool.ts";
import type { AppDeps } from "../../http/types.ts";
import { clearPushRequest, findLink, type JiraLinkRow, updateLink } from "../../models/jira-links.ts";
import { recordSyncLog } from "../../models/jira-sync-log.ts";
import { findUseCase, lockUseCaseAccessFacts } from "../../models/use-cases.ts";
import { presentUseCase } from "../../presenters/use-case.ts";
import { ensureEpic } from "./create-epic.ts";
import { diagnoseMissingIssue } from "./diagnose-missing.ts";
import { withLinkLock } from "./link-lock.ts";
import { richTextCodec } from "./rich-text.ts";
import { carryChanges } from "./sync-apply.ts";
import { isSetupProblem, loadSyncSetup } from "./sync-setup.ts";
import { loadUserDirectory } from "./user-directory.ts";

export type SyncTrigger = "save" | "webhook" | "reconcile" | "manual" | "link" | "mapping";

/** How a run ended; `rerunAt` asks the caller (the queue task) to run it again then. */
export type SyncRun = { outcome: "ok" | "skipped" | "waiting" | "retrying" | "blocked" | "broken" | "error"; rerunAt?: Date };

/** Quick re-reads of a stale answer before the run backs off and says so (SYNC-PITFALLS 15). */
const QUICK_STALE_READS = 5;
export const STALE_READ_CODE = "jira_stale_read";

function backoff(attempts: number): Date {
  const seconds = Math.min(300, 2 ** Math.min(attempts, 8));
  return new Date(Date.now() + seconds * 1000 * (0.75 + Math.random() * 0.5));
}

/**
 * True when the link was flagged broken while this run was in flight (Jira's `issue_deleted`
 * webhook is handled outside the link lock): the run's late "ok" must not erase that news.
 */
async function brokenMeanwhile(db: Db, link: JiraLinkRow): Promise<boolean> {
  if (link.state === "broken") return false;
  const now = await db.selectFrom("jira_links").select("state").where("id", "=", link.id).forUpdate().executeTakeFirst();
  return now?.state === "broken";
}

/**
 * Brings one link's use case and Epic into agreement (docs/SYNC.md, "One job, both directions"),
 * holding the link's lock so only one run per Jira issue happens at a time across processes.
 */
export async function syncLink(deps: AppDeps, linkId: string, trigger: SyncTrigger): Promise<SyncRun> {
  return withLinkLock(deps.db, linkId, (connection) => runSync({ ...deps, db: connection }, linkId, trigger));
}

async function runSync(deps: AppDeps, linkId: string, trigger: SyncTrigger): Promise<SyncRun> {
  const started = Date.now();
  const link = await findLink(deps.db, linkId);
  if (!link) return { outcome: "skipped" };
  if (link.state === "broken" && trigger !== "manual") return { outcome: "skipped" };
  const entry = { workspaceId: link.workspace_id, useCaseId: link.use_case_id, linkId: link.id };
  const setup = await loadSyncSetup(deps, link.workspace_id);
  if (isSetupProblem(setup)) {
    await updateLink(deps.db, link.id, { state: "blocked", state_code: setup.code, state_reason: setup.message });
    await recordSyncLog(deps.db, { ...entry, issueKey: link.issue_key, operation: "sync", direction: "none", outcome: "blocked", errorCode: setup.code, message: setup.message });
    return { outcome: "blocked" };
  }
  const record = await findUseCase(deps.db, link.workspace_id, link.use_case_id);
  if (!record) return { outcome: "skipped" };
  const useCase = presentUseCase(record);
  const directory = await loadUserDirectory(deps.db, link.workspace_id, setup.mapping);
  // The mapping as it applies in the link's project (its Epic type, statuses and fields).
  const mapping = mappingForProject(setup.mapping, link.project_key);
  const context: MappingContext = { mapping, jiraUserFor: directory.jiraUserFor, memberForJiraUser: directory.memberForJiraUser, jiraUserLabel: directory.jiraUserLabel, richText: richTextCodec(setup.client.flavor), customFields: await syncCustomFields(deps.db, link.workspace_id) };
  let current: JiraLinkRow = link;
  const operation = link.issue_key ? "sync" : "create";
  try {
    if (!current.issue_key) {
      if (!setup.features.toJira) {
        const message = "“Tether → Jira” is switched off: the Epic will be created when an Admin switches it on.";
        await updateLink(deps.db, link.id, { state: "pending", state_code: "feature_off", state_reason: message });
        return { outcome: "skipped" };
      }
      const creation = await ensureEpic(deps, setup.client, current, mapping, useCase, context);
      if (creation.kind === "wait") {
        await updateLink(deps.db, link.id, { state: "creating", state_code: "create_unconfirmed", state_reason: creation.reason });
        return { outcome: "waiting", rerunAt: creation.until };
      }
      await recordSyncLog(deps.db, {
        ...entry,
        issueKey: creation.issueKey,
        operation: creation.kind === "created" ? "create" : "adopt",
        direction: "to_jira",
        outcome: "ok",
        changes: Object.entries(creation.base).map(([field, value]) => ({ field, old: null, new: value })),
        durationMs: Date.now() - started,
        message: creation.kind === "adopted" ? "Found the Epic an earlier, unanswered create had made; linked it instead of creating another." : null,
      });
      current = { ...current, issue_id: creation.issueId, issue_key: creation.issueKey, base: creation.base };
    }
    const issueKey = current.issue_key!;
    const issue = await setup.client.getIssue(issueKey, { fields: jiraFieldsToRead(mapping), expandChangelog: true });
    const updatedAt = issue.updated ? Date.parse(issue.updated) : null;
    if (current.jira_updated_at && updatedAt !== null && updatedAt < current.jira_updated_at.getTime()) {
      // Jira served an older state than one already applied (SYNC-PITFALLS 15). It is never applied,
      // however often it comes: read again soon, then with backoff. Counted apart from failures, so
      // attempts left by an outage cannot wave a stale read through.
      const staleReads = current.state_code === STALE_READ_CODE ? current.attempts + 1 : 1;
      const reason = `Jira answered with an older version of ${issueKey} (changed ${new Date(updatedAt).toISOString()}) than one Tether already applied (${current.jira_updated_at.toISOString()}); Tether reads it again instead of rolling values back. If this lasts, the issue may have been restored in Jira: ask a Jira admin.`;
      if (!(await brokenMeanwhile(deps.db, link))) await updateLink(deps.db, link.id, { state: "retrying", state_code: STALE_READ_CODE, state_reason: reason, attempts: staleReads });
      if (staleReads === QUICK_STALE_READS) {
        await recordSyncLog(deps.db, { ...entry, issueKey, operation: "sync", direction: "none", outcome: "retrying", attempts: staleReads, durationMs: Date.now() - started, errorCode: STALE_READ_CODE, message: reason });
      }
      return { outcome: "waiting", rerunAt: staleReads < QUICK_STALE_READS ? new Date(Date.now() + 500) : backoff(staleReads) };
    }
    if (issue.key !== issueKey || issue.id !== current.issue_id) {
      await updateLink(deps.db, link.id, { issue_id: issue.id, issue_key: issue.key, project_key: issue.projectKey ?? current.project_key });
    }
    if (issue.assignee) await directory.learn(issue.assignee);
    const result = await carryChanges(deps, { setup, context, link: { ...current, issue_key: issue.key }, useCase, issue });
    const jiraUpdated = updatedAt !== null && (!current.jira_updated_at || updatedAt > current.jira_updated_at.getTime()) ? new Date(updatedAt) : current.jira_updated_at;
    const held = result.held.length > 0 ? `“Tether → Jira” is switched off: ${result.held.join(", ")} will be sent when an Admin switches it on.` : null;
    // The run's outcome (base, watermark, state, log entry) becomes visible at once: nobody reads
    // an "ok" link whose entry is missing, and a crash between the statements loses none of it.
    // Locks in a save's order (the use case, then its link): the log row's key check on the use
    // case would otherwise wait on a save that waits on this link row — a deadlock.
    await deps.db.transaction().execute(async (trx) => {
      await lockUseCaseAccessFacts(trx, link.workspace_id, link.use_case_id);
      const outcome = { state: result.blocked ? "blocked" : held ? "pending" : "ok", state_code: result.blocked?.code ?? (held ? "feature_off" : null), state_reason: result.blocked?.reason ?? held } as const;
      await updateLink(trx, link.id, {
        base: result.base as Record<string, unknown>,
        ...((await brokenMeanwhile(trx, link)) ? {} : outcome),
        jira_updated_at: jiraUpdated,
        last_synced_at: new Date(),
        attempts: 0,
      });
      await clearPushRequest(trx, link.id, link.push_requested_at);
      if (result.changes.length > 0 || result.blocked || result.notes.length > 0) {
        await recordSyncLog(trx, {
          ...entry,
          issueKey: issue.key,
          operation: result.conflicts > 0 ? "conflict" : result.direction === "to_jira" ? "push" : result.direction === "from_jira" ? "pull" : "sync",
          direction: result.direction,
          outcome: result.blocked ? "blocked" : result.conflicts > 0 ? "conflict" : "ok",
          changes: result.changes,
          attempts: current.attempts + 1,
          durationMs: Date.now() - started,
          errorCode: result.blocked?.code ?? null,
          message: [result.blocked?.reason, ...result.notes].filter(Boolean).join(" ") || null,
        });
      }
    });
    return { outcome: result.blocked ? "blocked" : "ok" };
  } catch (error) {
    if (!isJiraError(error)) throw error;
    let failure = classifyJiraFailure(error, { baseUrl: setup.connection.base_url, issueKey: current.issue_key, operation });
    // A 404 on the issue: deleted, or hidden from the account? Say which where Jira lets us tell.
    if (failure.state === "broken") failure = { ...failure, ...(await diagnoseMissingIssue(deps.db, setup.client, setup.connection, current)) };
    const attempts = current.attempts + 1;
    const state = current.issue_key || failure.state !== "broken" ? failure.state : "blocked";
    await updateLink(deps.db, link.id, { ...((await brokenMeanwhile(deps.db, link)) ? {} : { state, state_code: failure.code, state_reason: failure.message }), attempts });
    await recordSyncLog(deps.db, {
      ...entry,
      issueKey: current.issue_key,
      operation,
      direction: "to_jira",
      outcome: failure.state === "retrying" ? "retrying" : failure.state === "error" ? "failed" : "blocked",
      attempts,
      durationMs: Date.now() - started,
      errorCode: failure.code,
      message: failure.message,
    });
    if (failure.state === "retrying") return { outcome: "retrying", rerunAt: failure.retryAt && failure.retryAt.getTime() > Date.now() ? failure.retryAt : backoff(attempts) };
    return { outcome: failure.state };
  }
}

export type { SyncValues };
