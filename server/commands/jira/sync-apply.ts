import type { SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { UseCaseFields as UseCase } from "../../../common/contracts/use-cases.ts";
import type { JiraIssue } from "../../../integrations/jira/client/index.ts";
import { jiraValues } from "../../../integrations/jira/sync/jira-values.ts";
import { activeFields, type MappingContext } from "../../../integrations/jira/sync/mapping-context.ts";
import { statusesFor } from "../../../integrations/jira/sync/mapping-metadata.ts";
import { type FieldAction, planSync } from "../../../integrations/jira/sync/plan.ts";
import { tetherValues } from "../../../integrations/jira/sync/tether-values.ts";
import { buildJiraWrite, hasFieldChanges, type PushValue } from "../../../integrations/jira/sync/to-jira.ts";
import { buildTetherWrite } from "../../../integrations/jira/sync/to-tether.ts";
import type { SyncValue, SyncValues } from "../../../integrations/jira/sync/values.ts";
import type { SyncDirection } from "../../db/schema-jira-sync.ts";
import type { AppDeps } from "../../http/types.ts";
import { type JiraLinkRow, updateLink } from "../../models/jira-links.ts";
import type { SyncLogChange } from "../../models/jira-sync-log.ts";
import { applyUseCaseChanges, lockUseCase } from "../use-case-write.ts";
import { moveToStatus } from "./move-status.ts";
import type { SyncSetup } from "./sync-setup.ts";

export type CarryResult = {
  base: SyncValues;
  changes: SyncLogChange[];
  direction: SyncDirection;
  conflicts: number;
  notes: string[];
  blocked: { code: string; reason: string } | null;
  /** Tether changes waiting because "Tether → Jira" is switched off. */
  held: SyncField[];
};

type CarryInput = { setup: SyncSetup; context: MappingContext; link: JiraLinkRow; useCase: UseCase; issue: JiraIssue };

const timeOf = (value: unknown) => (typeof value === "string" ? Date.parse(value) : Number.NaN);

function plan(input: CarryInput, tether: SyncValues, jira: SyncValues): FieldAction[] {
  const base = input.link.base as SyncValues;
  const changedAt = input.link.tether_changed_at;
  const jiraAt = input.issue.updated ? Date.parse(input.issue.updated) : Number.NaN;
  return planSync(
    activeFields(input.context.mapping).map((entry) => ({
      field: entry.tetherField,
      direction: entry.direction,
      tether: tether[entry.tetherField] ?? null,
      jira: jira[entry.tetherField] ?? null,
      base: base[entry.tetherField],
    })),
    {
      policy: input.context.mapping.conflictPolicy,
      tetherChangedAt: (field) => (Number.isNaN(timeOf(changedAt[field])) ? null : timeOf(changedAt[field])),
      jiraChangedAt: Number.isNaN(jiraAt) ? null : jiraAt,
    },
  );
}

/** Who made the newest Jira change, from the changelog read with the issue (history shows "Jira · <name>"). */
function jiraAuthor(issue: JiraIssue): { displayName: string; jiraAccountId: string | null } {
  const entries = [...(issue.changelog ?? [])].sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  const entry = entries.find((e) => e.author && e.items.length > 0) ?? null;
  return entry?.author ? { displayName: entry.author.displayName, jiraAccountId: entry.author.id } : { displayName: "Jira", jiraAccountId: null };
}

/**
 * Plans every mapped field and carries the result: one PUT for plain fields, transitions for
 * the status, one Tether write (source Jira) for what came from Jira. Returns the new base.
 */
export async function carryChanges(deps: AppDeps, input: CarryInput): Promise<CarryResult> {
  const { setup, context, link, issue } = input;
  const tether = tetherValues(input.useCase, context);
  const jira = jiraValues(issue, context);
  const base: SyncValues = { ...(link.base as SyncValues) };
  const changes: SyncLogChange[] = [];
  const notes: string[] = [];
  let blocked: CarryResult["blocked"] = null;
  let conflicts = 0;
  const held: SyncField[] = [];
  const pushes: PushValue[] = [];
  const pulls: Array<{ field: SyncField; value: SyncValue }> = [];

  for (const action of plan(input, tether, jira)) {
    switch (action.action) {
      case "none":
        break;
      case "agree":
        base[action.field] = action.value;
        break;
      case "skip":
        notes.push(action.reason);
        break;
      case "ask":
        conflicts += 1;
        blocked = { code: "sync_conflict", reason: `Both sides changed ${action.field} (Tether: ${JSON.stringify(action.conflict.tether)}, Jira: ${JSON.stringify(action.conflict.jira)}); the workspace asks a person to choose.` };
        changes.push({ field: action.field, old: action.conflict.base ?? null, new: { tether: action.conflict.tether, jira: action.conflict.jira } });
        break;
      case "push":
      case "pull":
        if (action.conflict) {
          conflicts += 1;
          notes.push(`Conflict on ${action.field}: ${action.conflict.reason}; the other value was ${JSON.stringify(action.action === "push" ? action.conflict.jira : action.conflict.tether)}.`);
        }
        if (action.action === "push") {
          if (setup.features.toJira) pushes.push({ field: action.field, value: action.value, jiraNow: jira[action.field], previousRichText: action.field === "description" ? issue.description : null });
          else held.push(action.field);
        } else if (setup.features.fromJira) pulls.push({ field: action.field, value: action.value });
        break;
      case "merge":
        if (setup.features.toJira) pushes.push({ field: action.field, value: action.value, jiraNow: action.jira });
        else held.push(action.field);
        if (setup.features.fromJira) pulls.push({ field: action.field, value: action.value });
        break;
    }
  }

  if (pushes.length > 0) {
    // Stamped before writing, so saves made while this push is in flight wait out the window and merge into one next push.
    await updateLink(deps.db, link.id, { last_pushed_at: new Date() });
    const write = buildJiraWrite(pushes, context);
    if (hasFieldChanges(write.changes)) await setup.client.editIssue(issue.key, write.changes);
    for (const push of pushes) {
      if (push.field === "status") continue;
      base[push.field] = push.value;
      changes.push({ field: push.field, old: push.jiraNow ?? null, new: push.value });
    }
    if (write.targetStatusId && issue.status && write.targetStatusId !== issue.status.id) {
      const issueTypeId = issue.issueType?.id ?? context.mapping.issueTypeId;
      const projectKey = issue.projectKey ?? link.project_key;
      const target = statusesFor(setup.metadata, projectKey, issueTypeId).find((s) => s.id === write.targetStatusId) ??
        setup.metadata.statuses.find((s) => s.id === write.targetStatusId) ?? { id: write.targetStatusId, name: write.targetStatusId, categoryKey: null };
      const move = await moveToStatus(setup.client, { db: deps.db, connectionId: setup.connection.id, projectKey, issueTypeId }, issue.key, issue.status.id, target);
      if (move.ok) {
        base.status = target.id;
        changes.push({ field: "status", old: issue.status.id, new: target.id });
        if (move.steps.length > 1) notes.push(`Status reached through ${move.steps.join(", ")}.`);
      } else blocked = { code: move.code, reason: move.reason };
    }
  }

  if (pulls.length > 0) {
    const write = buildTetherWrite(pulls, context);
    for (const skipped of write.skipped) notes.push(skipped.reason);
    if (write.applied.length > 0) {
      const author = jiraAuthor(issue);
      await deps.db.transaction().execute(async (trx) => {
        await lockUseCase(trx, link.workspace_id, link.use_case_id);
        await applyUseCaseChanges(trx, { workspaceId: link.workspace_id, useCaseId: link.use_case_id, actor: { source: "jira", ...author }, patch: write.patch });
      });
      for (const field of write.applied) {
        const pulled = pulls.find((p) => p.field === field);
        if (!pulled) continue;
        base[field] = pulled.value;
        changes.push({ field, old: tether[field] ?? null, new: pulled.value });
      }
    }
  }

  const pushed = pushes.length > 0;
  const pulled = pulls.length > 0;
  const direction: SyncDirection = pushed && !pulled ? "to_jira" : pulled && !pushed ? "from_jira" : "none";
  return { base, changes, direction, conflicts, notes, blocked, held };
}
