import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import type { CSSProperties, Ref } from "react";
import { Link } from "react-router";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import { CustomFieldLines } from "../custom-fields/CustomFieldCells.tsx";
import { useChosenFields } from "../custom-fields/list-columns.ts";
import { PriorityBadge } from "../UseCaseBadges.tsx";

/** What makes a card draggable (from `useSortable`): the handle carries the pointer and keyboard listeners. */
export type CardDrag = {
  setNodeRef: Ref<HTMLDivElement>;
  setHandleRef: Ref<HTMLButtonElement>;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  style: CSSProperties;
};

type Props = {
  workspaceId: string;
  useCase: UseCase;
  statuses: readonly UseCaseStatus[];
  /** Absent when the caller may not edit this use case: the card then has no move control. */
  onMove?: ((statusId: string) => void) | undefined;
  moving: boolean;
  drag?: CardDrag | undefined;
};

export function BoardCard({ workspaceId, useCase, statuses, onMove, moving, drag }: Props) {
  const { columns, memberName } = useChosenFields(workspaceId);
  return (
    <Paper ref={drag?.setNodeRef} style={drag?.style} withBorder p="sm" radius="md" shadow="xs" data-testid="board-card" data-key={useCase.key}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4} wrap="nowrap">
            {drag && (
              <UnstyledButton
                ref={drag.setHandleRef}
                {...drag.attributes}
                {...drag.listeners}
                aria-label={`Drag ${useCase.key}`}
                style={{ cursor: "grab", touchAction: "none", lineHeight: 1, padding: "0 2px", color: "var(--mantine-color-dimmed)" }}
                data-testid="board-drag-handle"
              >
                ⠿
              </UnstyledButton>
            )}
            <Text size="xs" c="dimmed" ff="monospace">
              {useCase.key}
            </Text>
          </Group>
          {onMove && (
            <Menu position="bottom-end" shadow="md" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="subtle" color="gray" fw={500} loading={moving} data-testid="board-move">
                  Move to…
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Move to status</Menu.Label>
                {statuses
                  .filter((s) => s.id !== useCase.status.id)
                  .map((s) => (
                    <Menu.Item key={s.id} onClick={() => onMove(s.id)} data-testid="board-move-target">
                      {s.name}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Anchor component={Link} to={`/w/${workspaceId}/use-cases/${useCase.id}`} fw={500} size="sm" lh={1.3} data-testid="board-card-title">
          {useCase.title}
        </Anchor>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text size="xs" c={useCase.assignee ? "inherit" : "dimmed"} truncate>
            {useCase.assignee?.displayName ?? "Unassigned"}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }} title="Weighted shortest job first">
            WSJF {useCase.wsjf ?? "–"}
          </Text>
        </Group>
        {columns.length > 0 && (
          <div>
            <CustomFieldLines fields={columns} useCase={useCase} memberName={memberName} />
          </div>
        )}
        <Group gap={4}>
          <PriorityBadge priority={useCase.priority} />
          {useCase.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
