import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Badge, Button, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { useBoardColumn, useUseCaseCounts } from "../../api/use-case-board.ts";
import type { UseCaseFilters } from "../../api/use-cases.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { statusColor } from "../labels.ts";
import { SortableBoardCard } from "./SortableBoardCard.tsx";

/** What a column carries as a drop target: its status and the cards it shows, in order. */
export type ColumnDropData = { kind: "column"; status: UseCaseStatus; cards: readonly UseCase[] };

type Props = {
  workspaceId: string;
  status: UseCaseStatus;
  statuses: readonly UseCaseStatus[];
  filters: UseCaseFilters;
  mayMove: (useCase: UseCase) => boolean;
  onMove: (useCase: UseCase, statusId: string) => void;
  movingId: string | undefined;
  /** A card is being dragged over this column. */
  highlighted: boolean;
};

/** Columns share the width; seven fit the page at 1400 px, more scroll sideways. */
const columnStyle = { flex: "1 0 170px", maxWidth: 320 };

export function BoardColumn({ workspaceId, status, statuses, filters, mayMove, onMove, movingId, highlighted }: Props) {
  const column = useBoardColumn(workspaceId, status.id, filters);
  const useCases = column.data?.pages.flatMap((page) => page.useCases) ?? [];
  const counts = useUseCaseCounts(workspaceId, filters);
  const total = counts.data?.byStatus.find((s) => s.statusId === status.id)?.count ?? 0;
  // Before the counts arrive, what is loaded ("+" when more pages exist).
  const count = counts.data ? String(total) : column.isPending ? "…" : `${useCases.length}${column.hasNextPage ? "+" : ""}`;
  const dropData: ColumnDropData = { kind: "column", status, cards: useCases };
  const droppable = useDroppable({ id: `column:${status.id}`, data: dropData });
  return (
    <Paper
      ref={droppable.setNodeRef}
      bg={highlighted ? "blue.0" : "gray.0"}
      p="xs"
      radius="md"
      style={columnStyle}
      data-testid="board-column"
      data-status={status.name}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" px={4}>
          <Text fw={600} size="sm" truncate>
            {status.name}
          </Text>
          <Badge variant="light" color={statusColor[status.category]} data-testid="board-column-count">
            {count}
          </Badge>
        </Group>
        <ErrorAlert error={column.error} title="Could not load this column" />
        <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto" offsetScrollbars="present">
          <Stack gap="xs">
            <SortableContext id={status.id} items={useCases.map((u) => u.id)} strategy={verticalListSortingStrategy}>
            {useCases.map((useCase) => (
              <SortableBoardCard
                key={useCase.id}
                workspaceId={workspaceId}
                useCase={useCase}
                statuses={statuses}
                onMove={mayMove(useCase) ? (statusId) => onMove(useCase, statusId) : undefined}
                moving={movingId === useCase.id}
              />
            ))}
            </SortableContext>
            {!column.isPending && useCases.length === 0 && (
              <Text size="xs" c="dimmed" ta="center" py="md" data-testid="board-column-empty">
                No use cases
              </Text>
            )}
            {column.hasNextPage && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => column.fetchNextPage()}
                loading={column.isFetchingNextPage}
                data-testid="board-load-more"
              >
                Load more
              </Button>
            )}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
