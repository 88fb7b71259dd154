import { useDraggable } from "@dnd-kit/core";
import { Badge, Group, Paper, Text } from "@mantine/core";
import { memo } from "react";
import type { PlanningCard } from "../../../common/contracts/planning.ts";
import { epicColour } from "./planning-layout.ts";

type Props = { card: PlanningCard; compact: boolean; backwards: boolean };

/** One sticky: a Jira issue. Draggable (mouse, touch, keyboard: space to lift, arrows, space to drop) when the caller may plan it. */
export const PlanningCardView = memo(function PlanningCardView({ card, compact, backwards }: Props) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.key, disabled: !card.mayPlan });
  const style = {
    borderLeft: `4px solid ${epicColour(card.epicKey)}`,
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    opacity: isDragging ? 0.6 : 1,
    cursor: card.mayPlan ? "grab" : "default",
  };
  return (
    <Paper ref={setNodeRef} withBorder p={compact ? 4 : "xs"} style={style} data-testid="planning-card" data-card-key={card.key} aria-label={`${card.key} ${card.summary}`} {...attributes} {...listeners}>
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="xs" fw={600}>
          {card.key}
        </Text>
        <Group gap={4} wrap="nowrap">
          {backwards && (
            <Badge size="xs" color="red" variant="light" title="A card it depends on is planned later">
              late dep
            </Badge>
          )}
          {card.storyPoints !== null && (
            <Badge size="xs" variant="outline">
              {card.storyPoints}
            </Badge>
          )}
        </Group>
      </Group>
      {!compact && (
        <Text size="xs" lineClamp={2}>
          {card.summary}
        </Text>
      )}
    </Paper>
  );
});
