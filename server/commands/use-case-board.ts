import type { MoveOnBoardBody } from "../../common/contracts/use-case-board.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { listColumnOrder, lockBoard, setBoardRanks } from "../models/use-case-board.ts";
import { presentUseCaseFor } from "../presenters/use-case.ts";
import { placeInColumn } from "./board-rank.ts";
import { lockAndAuthorise, type UseCaseCaller } from "./use-case-access.ts";
import { versionConflict } from "./use-cases.ts";
import { applyUseCaseChanges, loadUseCase } from "./use-case-write.ts";

const boardChanged = (why: string) =>
  new AppError("conflict", `The board changed since you loaded it (${why}). Reload the board and move the card again.`);

/**
 * Moves a card on the board: the status change (if any) goes through the one write path, so it
 * has history, a new version and the Jira push like any edit; the place within the column is a
 * rank right after `afterUseCaseId` (or before `beforeUseCaseId`, or at the end) as the column is
 * now, so a stale view of the board still gives every card its own rank. Moves in a workspace are serialised by a board lock, so two
 * concurrent moves never compute ranks from the same gap. Same permission as editing the status.
 */
export async function moveUseCaseOnBoard(db: Db, caller: UseCaseCaller, useCaseId: string, move: MoveOnBoardBody): Promise<UseCase> {
  return db.transaction().execute(async (trx) => {
    await lockBoard(trx, caller.workspaceId);
    const locked = await lockAndAuthorise(trx, caller, useCaseId, "update");
    const current = await loadUseCase(trx, caller.workspaceId, useCaseId);
    if (current.status.id !== move.statusId) {
      if (locked.version !== move.version) throw versionConflict(locked.version);
      await applyUseCaseChanges(trx, {
        workspaceId: caller.workspaceId,
        useCaseId,
        actor: { source: "user", userId: caller.userId },
        patch: { statusId: move.statusId },
      });
    }
    await place(trx, caller.workspaceId, useCaseId, move);
    return presentUseCaseFor(caller, await loadUseCase(trx, caller.workspaceId, useCaseId));
  });
}

async function place(trx: Db, workspaceId: string, useCaseId: string, move: MoveOnBoardBody): Promise<void> {
  const afterId = move.afterUseCaseId ?? undefined;
  const beforeId = move.beforeUseCaseId ?? undefined;
  if (afterId === useCaseId || beforeId === useCaseId) throw new AppError("validation_failed", "A card cannot be placed next to itself.");
  const column = await listColumnOrder(trx, workspaceId, move.statusId, useCaseId);
  const placed = placeInColumn(column, { afterId, beforeId });
  if (placed.kind === "neighbour_missing") throw boardChanged("a neighbour is no longer in that column");
  await setBoardRanks(trx, [...placed.reranked, { id: useCaseId, rank: placed.rank }]);
}
