import type { Db } from "../db/pool.ts";
import { assignedToSql } from "../policies/use-case-sql.ts";
import { applyUseCaseChanges, lockUseCase } from "./use-case-write.ts";

/**
 * A former member keeps no assignment in the workspace: their use cases lose them as assignee and
 * member through the one write path, so each change bumps the version (stale editors get a
 * conflict), is in the history and reaches the push hook like any other edit.
 */
export async function releaseAssignments(trx: Db, actorId: string, workspaceId: string, userId: string): Promise<void> {
  const affected = await trx
    .selectFrom("use_cases")
    .select("use_cases.id")
    .where("use_cases.workspace_id", "=", workspaceId)
    .where((eb) => assignedToSql(eb, userId))
    .orderBy("use_cases.id")
    .execute();
  for (const { id: useCaseId } of affected) {
    const locked = await lockUseCase(trx, workspaceId, useCaseId);
    const patch = {
      ...(locked.facts.assigneeId === userId ? { assigneeId: null } : {}),
      ...(locked.facts.memberIds.includes(userId) ? { memberIds: locked.facts.memberIds.filter((id) => id !== userId) } : {}),
    };
    await applyUseCaseChanges(trx, { workspaceId, useCaseId, actor: { source: "user", userId: actorId }, patch });
  }
}
