import type { UseCaseFields } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { type FieldChange, type HistoryActor, recordUseCaseChanges } from "../models/use-case-history.ts";
import {
  findUseCase,
  findWorkspaceStatus,
  findWorkspaceUsers,
  lockUseCaseAccessFacts,
  replaceUseCaseMembers,
  updateUseCaseColumns,
} from "../models/use-cases.ts";
import { presentUseCase } from "../presenters/use-case.ts";
import { customFieldChanges } from "./custom-field-values.ts";
import { useCaseNotFound } from "./use-case-access.ts";
import { diffUseCase, type UseCasePatch } from "./use-case-changes.ts";
import { useCaseChanged } from "./use-case-events.ts";

/** Who applies a change set: a signed-in user, a Jira person (via sync), or Tether itself. */
export type UseCaseChangeActor =
  | { source: "user"; userId: string }
  | { source: "jira"; displayName: string; jiraAccountId: string | null }
  | { source: "system"; label: string };

const invalidField = (path: string, message: string) =>
  new AppError("validation_failed", `Invalid request body: ${path}: ${message}`, [{ path, code: "invalid_reference", message }]);

export async function requireStatus(db: Db, workspaceId: string, statusId: string) {
  const status = await findWorkspaceStatus(db, workspaceId, statusId);
  if (!status) throw invalidField("statusId", `status ${statusId} is not part of this workspace's workflow.`);
  return status;
}

/** Assignee and members must belong to the workspace; returns their display names by id. */
export async function requireWorkspaceUsers(
  db: Db,
  workspaceId: string,
  people: { assigneeId?: string | null | undefined; memberIds?: readonly string[] | undefined },
) {
  const ids = [...new Set([...(people.assigneeId ? [people.assigneeId] : []), ...(people.memberIds ?? [])])];
  const found = new Map((await findWorkspaceUsers(db, workspaceId, ids)).map((u) => [u.id, u.displayName]));
  if (people.assigneeId && !found.has(people.assigneeId)) {
    throw invalidField("assigneeId", `user ${people.assigneeId} is not a member of this workspace.`);
  }
  const strangers = (people.memberIds ?? []).filter((id) => !found.has(id));
  if (strangers.length > 0) throw invalidField("memberIds", `not members of this workspace: ${strangers.join(", ")}.`);
  return found;
}

export async function loadUseCase(db: Db, workspaceId: string, useCaseId: string): Promise<UseCaseFields> {
  const record = await findUseCase(db, workspaceId, useCaseId);
  if (!record) throw useCaseNotFound();
  return presentUseCase(record);
}

export function historyActor(actor: UseCaseChangeActor): HistoryActor {
  switch (actor.source) {
    case "user":
      return { source: "user", actorId: actor.userId };
    case "jira":
      return { source: "jira", actorId: null, actorLabel: actor.displayName, actorJiraAccountId: actor.jiraAccountId };
    case "system":
      return { source: "system", actorId: null, actorLabel: actor.label };
  }
}

/**
 * The one write path for use-case fields, for every source (API, Jira ingestion, Tether itself).
 * The caller holds the use case's row lock (`lockUseCase` or `lockAndAuthorise`) and has decided
 * whether the actor may do this; here references are checked, the patch diffed, columns and
 * members written, history recorded with the actor, and the version moved on. A patch that
 * changes nothing writes nothing (no history, same version, no event).
 */
export async function applyUseCaseChanges(
  trx: Db,
  input: { workspaceId: string; useCaseId: string; actor: UseCaseChangeActor; patch: UseCasePatch },
): Promise<{ useCase: UseCaseFields; changes: FieldChange[] }> {
  const { workspaceId, useCaseId, patch } = input;
  const current = await loadUseCase(trx, workspaceId, useCaseId);
  const status = patch.statusId !== undefined && patch.statusId !== current.status.id ? await requireStatus(trx, workspaceId, patch.statusId) : undefined;
  const people = await requireWorkspaceUsers(trx, workspaceId, { assigneeId: patch.assigneeId, memberIds: patch.memberIds });
  const changeSet = diffUseCase(current, patch, { status, people });
  const custom = await customFieldChanges(trx, workspaceId, current.customFields, patch.customFields);
  if (custom) {
    changeSet.columns.custom_fields = custom.column;
    changeSet.changes.push(...custom.changes);
  }
  if (changeSet.changes.length === 0) return { useCase: current, changes: [] };
  await updateUseCaseColumns(trx, useCaseId, changeSet.columns);
  if (changeSet.memberIds) await replaceUseCaseMembers(trx, useCaseId, changeSet.memberIds);
  await recordUseCaseChanges(trx, { ...historyActor(input.actor), useCaseId, changes: changeSet.changes });
  // ── Push hook ── Subscribers run here, in this transaction. The Jira sync engine subscribes at
  // boot and, for source ≠ "jira", schedules the push of mapped fields (enqueued in this same
  // transaction, so a rolled-back save never pushes and a committed one always does).
  await useCaseChanged(trx, { workspaceId, useCaseId, changes: changeSet.changes, source: input.actor.source });
  return { useCase: await loadUseCase(trx, workspaceId, useCaseId), changes: changeSet.changes };
}

/**
 * Locks the use case row for the rest of the transaction (concurrent writers wait), without any
 * authorisation: for writers that are not a signed-in caller (Jira ingestion, system jobs).
 * Returns the version and access facts, or throws not_found.
 */
export async function lockUseCase(trx: Db, workspaceId: string, useCaseId: string) {
  const locked = await lockUseCaseAccessFacts(trx, workspaceId, useCaseId);
  if (!locked) throw useCaseNotFound();
  return locked;
}
