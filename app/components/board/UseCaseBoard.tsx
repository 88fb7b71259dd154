import { Alert, Group, ScrollArea } from "@mantine/core";
import { useState } from "react";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { isApiError } from "../../api/client.ts";
import { useMoveUseCase } from "../../api/use-case-board.ts";
import type { UseCaseFilters } from "../../api/use-cases.ts";
import { errorMessage } from "../ErrorAlert.tsx";
import { BoardColumn } from "./BoardColumn.tsx";

type Props = {
  workspaceId: string;
  statuses: readonly UseCaseStatus[];
  filters: UseCaseFilters;
  mayMove: (useCase: UseCase) => boolean;
};

type MoveProblem = { title: string; message: string };

/** The use-case funnel: one column per status in workflow order (only the filtered one when a status filter is set). */
export function UseCaseBoard({ workspaceId, statuses, filters, mayMove }: Props) {
  const move = useMoveUseCase(workspaceId);
  const [problem, setProblem] = useState<MoveProblem | null>(null);
  const ordered = [...statuses].sort((a, b) => a.position - b.position);
  const columns = filters.status ? ordered.filter((s) => s.id === filters.status) : ordered;
  const onMove = (useCase: UseCase, statusId: string) => {
    setProblem(null);
    move.mutate(
      { useCaseId: useCase.id, version: useCase.version, statusId },
      {
        onError: (error) =>
          setProblem(
            isApiError(error, "version_conflict")
              ? {
                  title: `${useCase.key} was not moved`,
                  message: `Someone changed ${useCase.key} after the board loaded it. The board now shows the latest state; move it again if you still want to.`,
                }
              : { title: `${useCase.key} was not moved`, message: errorMessage(error) },
          ),
      },
    );
  };
  return (
    <>
      {problem && (
        <Alert color="orange" title={problem.title} withCloseButton onClose={() => setProblem(null)} data-testid="board-move-problem">
          {problem.message}
        </Alert>
      )}
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
              movingId={move.isPending ? move.variables.useCaseId : undefined}
            />
          ))}
        </Group>
      </ScrollArea>
    </>
  );
}
