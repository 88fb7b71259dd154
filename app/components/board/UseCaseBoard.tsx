import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { Alert, Group, ScrollArea } from "@mantine/core";
import { useState } from "react";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { isApiError } from "../../api/client.ts";
import { boardOrder, useMoveOnBoard, useMoveUseCase } from "../../api/use-case-board.ts";
import type { UseCaseFilters } from "../../api/use-cases.ts";
import { errorMessage } from "../ErrorAlert.tsx";
import { BoardCard } from "./BoardCard.tsx";
import { boardAnnouncements, boardInstructions } from "./board-announcements.ts";
import { BoardColumn, type ColumnDropData } from "./BoardColumn.tsx";
import { planDrop } from "./drop-plan.ts";
import type { CardDragData } from "./SortableBoardCard.tsx";

type Props = {
  workspaceId: string;
  statuses: readonly UseCaseStatus[];
  filters: UseCaseFilters;
  mayMove: (useCase: UseCase) => boolean;
};

type MoveProblem = { title: string; message: string };
type DropTarget = CardDragData | ColumnDropData;

const problemOf = (useCase: UseCase, error: unknown): MoveProblem => ({
  title: `${useCase.key} was not moved`,
  message:
    isApiError(error, "version_conflict") || isApiError(error, "conflict")
      ? `Someone changed ${useCase.key} or its column after the board loaded it. The board now shows the latest state; move it again if you still want to.`
      : errorMessage(error),
});

const targetStatusId = (target: DropTarget | undefined) => (target?.kind === "column" ? target.status.id : target?.statusId);

/**
 * The use-case funnel: one column per status in workflow order (only the filtered one when a
 * status filter is set). Cards move by drag and drop (pointer or keyboard, announced to screen
 * readers) or by their "Move to…" menu; within a column they keep the order users give them.
 */
export function UseCaseBoard({ workspaceId, statuses, filters, mayMove }: Props) {
  const move = useMoveUseCase(workspaceId);
  const moveOnBoard = useMoveOnBoard(workspaceId);
  const [problem, setProblem] = useState<MoveProblem | null>(null);
  const [dragged, setDragged] = useState<UseCase | null>(null);
  const [overStatusId, setOverStatusId] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ordered = [...statuses].sort((a, b) => a.position - b.position);
  const columns = filters.status ? ordered.filter((s) => s.id === filters.status) : ordered;
  const statusName = (id: string) => ordered.find((s) => s.id === id)?.name ?? "a column";
  // Reordering within a column only makes sense in the board's own order, not sorted by WSJF etc.
  const inBoardOrder = (filters.sort ?? boardOrder) === boardOrder;

  const onMove = (useCase: UseCase, statusId: string) => {
    setProblem(null);
    move.mutate({ useCaseId: useCase.id, version: useCase.version, statusId }, { onError: (error) => setProblem(problemOf(useCase, error)) });
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setProblem(null);
    setDragged((active.data.current as CardDragData | undefined)?.useCase ?? null);
  };
  const onDragOver = ({ over }: DragOverEvent) => setOverStatusId(targetStatusId(over?.data.current as DropTarget | undefined) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    setOverStatusId(null);
    const source = active.data.current as CardDragData | undefined;
    const target = over?.data.current as DropTarget | undefined;
    const toStatus = ordered.find((s) => s.id === targetStatusId(target));
    if (!source || !target || !toStatus) return;
    const sameColumn = toStatus.id === source.statusId;
    if (sameColumn && !inBoardOrder) return;
    const targetCards = target.kind === "column" ? target.cards.map((u) => u.id) : ((over?.data.current?.sortable?.items as string[] | undefined) ?? []);
    const overRect = over?.rect;
    const draggedRect = active.rect.current.translated;
    const plan = planDrop({
      useCaseId: source.useCase.id,
      fromStatusId: source.statusId,
      toStatusId: toStatus.id,
      targetCards: inBoardOrder ? targetCards : [],
      overCardId: target.kind === "card" && inBoardOrder ? target.useCase.id : null,
      belowOverCard: !!overRect && !!draggedRect && draggedRect.top + draggedRect.height / 2 > overRect.top + overRect.height / 2,
    });
    if (!plan) return;
    moveOnBoard.mutate(
      { useCase: source.useCase, toStatus, afterUseCaseId: plan.afterUseCaseId, beforeUseCaseId: plan.beforeUseCaseId, filters },
      { onError: (error) => setProblem(problemOf(source.useCase, error)) },
    );
  };

  return (
    <>
      {problem && (
        <Alert color="orange" title={problem.title} withCloseButton onClose={() => setProblem(null)} data-testid="board-move-problem">
          {problem.message}
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        accessibility={{ announcements: boardAnnouncements(statusName), screenReaderInstructions: boardInstructions }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setDragged(null);
          setOverStatusId(null);
        }}
      >
        <ScrollArea type="auto" offsetScrollbars="x" data-testid="use-case-board">
          <Group align="flex-start" gap="sm" wrap="nowrap" pb="xs">
            {columns.map((status) => (
              <BoardColumn
                key={status.id}
                workspaceId={workspaceId}
                status={status}
                statuses={ordered}
                filters={filters}
                mayMove={mayMove}
                onMove={onMove}
                movingId={move.isPending ? move.variables.useCaseId : moveOnBoard.isPending ? moveOnBoard.variables.useCase.id : undefined}
                highlighted={dragged !== null && overStatusId === status.id && dragged.status.id !== status.id}
              />
            ))}
          </Group>
        </ScrollArea>
        <DragOverlay>
          {dragged ? <BoardCard workspaceId={workspaceId} useCase={dragged} statuses={[]} moving={false} /> : null}
        </DragOverlay>
      </DndContext>
    </>
  );
}
