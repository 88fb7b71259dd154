import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UseCaseFieldPatch } from "../../../integrations/jira/sync/to-tether.ts";
import type { Db } from "../../db/pool.ts";
import { recordUseCaseChanges } from "../../models/use-case-history.ts";
import { findUseCase, findWorkspaceStatus, findWorkspaceUsers, updateUseCaseColumns } from "../../models/use-cases.ts";
import { presentUseCase } from "../../presenters/use-case.ts";
import { diffUseCase } from "../use-case-changes.ts";

/** Applies values that came from Jira to the use case (source `jira`: never pushed back). Caller holds the transaction. */
export async function applyFromJira(trx: Db, workspaceId: string, useCaseId: string, patch: UseCaseFieldPatch): Promise<UseCase | null> {
  await trx.selectFrom("use_cases").select("id").where("id", "=", useCaseId).forUpdate().executeTakeFirst();
  const record = await findUseCase(trx, workspaceId, useCaseId);
  if (!record) return null;
  const current = presentUseCase(record);
  const status = patch.statusId ? await findWorkspaceStatus(trx, workspaceId, patch.statusId) : undefined;
  const ids = patch.assigneeId ? [patch.assigneeId] : [];
  const people = new Map((await findWorkspaceUsers(trx, workspaceId, ids)).map((u) => [u.id, u.displayName]));
  const changeSet = diffUseCase(current, patch, { status: status ? { id: status.id, name: status.name } : undefined, people });
  if (changeSet.changes.length === 0) return current;
  await updateUseCaseColumns(trx, useCaseId, changeSet.columns);
  await recordUseCaseChanges(trx, { useCaseId, actorId: null, source: "jira", changes: changeSet.changes });
  const updated = await findUseCase(trx, workspaceId, useCaseId);
  return updated ? presentUseCase(updated) : null;
}
