import type { CreateUseCaseInput, UseCase } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "../models/audit-log.ts";
import { recordUseCaseChanges } from "../models/use-case-history.ts";
import { deleteUseCaseRow, findFirstStatus, findUseCase, insertUseCase, replaceUseCaseMembers, takeUseCaseNumber, type UseCaseRecord } from "../models/use-cases.ts";
import { presentUseCase, presentUseCaseFor, useCaseKey } from "../presenters/use-case.ts";
import { checkCustomFieldValues, customFieldHistoryName, mergeCustomFieldValues } from "./custom-field-values.ts";
import { authorise, lockAndAuthorise, type UseCaseCaller, useCaseNotFound } from "./use-case-access.ts";
import type { UseCasePatch } from "./use-case-changes.ts";
import { applyUseCaseChanges, loadUseCase, requireStatus, requireWorkspaceUsers } from "./use-case-write.ts";

const accessFacts = (record: UseCaseRecord) => ({
  visibility: record.visibility,
  assigneeId: record.assignee_id,
  memberIds: record.members.map((m) => m.id),
});

/**
 * Creates a use case with the workspace's next number (UC-<n>). A Member must stay able to edit
 * what they create: without an assignee given they become the assignee; if they name someone
 * else (or nobody), they are added to the members.
 */
export async function createUseCase(db: Db, caller: UseCaseCaller, input: CreateUseCaseInput): Promise<UseCase> {
  return db.transaction().execute(async (trx) => {
    const status = input.statusId ? await requireStatus(trx, caller.workspaceId, input.statusId) : await findFirstStatus(trx, caller.workspaceId);
    if (!status) throw new AppError("conflict", "This workspace has no statuses. An Admin must define its workflow first.");
    let assigneeId = input.assigneeId ?? null;
    const memberIds = [...new Set(input.memberIds ?? [])];
    if (caller.role === "member") {
      if (input.assigneeId === undefined) assigneeId = caller.userId;
      else if (assigneeId !== caller.userId && !memberIds.includes(caller.userId)) memberIds.push(caller.userId);
    }
    await requireWorkspaceUsers(trx, caller.workspaceId, { assigneeId, memberIds });
    const customFields = mergeCustomFieldValues({}, await checkCustomFieldValues(trx, caller.workspaceId, input.customFields ?? {}, { creating: true })).next;
    const number = await takeUseCaseNumber(trx, caller.workspaceId);
    const useCaseId = await insertUseCase(trx, {
      workspace_id: caller.workspaceId,
      number,
      title: input.title,
      description: input.description ?? "",
      status_id: status.id,
      assignee_id: assigneeId,
      priority: input.priority ?? "medium",
      tags: input.tags ?? [],
      target_date: input.targetDate ?? null,
      business_value: input.businessValue ?? null,
      time_criticality: input.timeCriticality ?? null,
      risk_reduction: input.riskReduction ?? null,
      job_size: input.jobSize ?? null,
      story_points: input.storyPoints ?? null,
      visibility: input.visibility ?? "public",
      custom_fields: JSON.stringify(customFields),
      created_by: caller.userId,
    });
    await replaceUseCaseMembers(trx, useCaseId, memberIds);
    await recordUseCaseChanges(trx, {
      useCaseId,
      actorId: caller.userId,
      source: "user",
      changes: [
        { field: "created", oldValue: null, newValue: { key: useCaseKey(number), title: input.title } },
        ...Object.entries(customFields).map(([key, value]) => ({ field: customFieldHistoryName(key), oldValue: null, newValue: value })),
      ],
    });
    return presentUseCaseFor(caller, await loadUseCase(trx, caller.workspaceId, useCaseId));
  });
}

export async function getUseCase(db: Db, caller: UseCaseCaller, useCaseId: string): Promise<UseCase> {
  const record = await findUseCase(db, caller.workspaceId, useCaseId);
  if (!record) throw useCaseNotFound();
  authorise(caller, "read", accessFacts(record));
  return presentUseCaseFor(caller, presentUseCase(record));
}

export const versionConflict = (currentVersion: number) =>
  new AppError("version_conflict", `Someone changed this use case since you read it (now version ${currentVersion}). Reload and apply your change again.`, {
    currentVersion,
  });

/**
 * The API's update: the caller must be allowed to update and must have read the current version;
 * then the change set goes through the one write path (history, version, push hook).
 */
export async function updateUseCase(db: Db, caller: UseCaseCaller, useCaseId: string, patch: UseCasePatch, expectedVersion: number) {
  return db.transaction().execute(async (trx) => {
    const locked = await lockAndAuthorise(trx, caller, useCaseId, "update");
    if (locked.version !== expectedVersion) throw versionConflict(locked.version);
    const { useCase } = await applyUseCaseChanges(trx, { workspaceId: caller.workspaceId, useCaseId, actor: { source: "user", userId: caller.userId }, patch });
    return presentUseCaseFor(caller, useCase);
  });
}

/** Deletes a use case with its comments and history (Admin/Moderator); the audit log keeps a trace. */
export async function deleteUseCase(db: Db, caller: UseCaseCaller, useCaseId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockAndAuthorise(trx, caller, useCaseId, "delete");
    const current = await loadUseCase(trx, caller.workspaceId, useCaseId);
    await deleteUseCaseRow(trx, useCaseId);
    await recordAudit(trx, {
      workspaceId: caller.workspaceId,
      actorId: caller.userId,
      action: "useCase.deleted",
      target: useCaseId,
      details: { key: current.key, title: current.title },
    });
  });
}
