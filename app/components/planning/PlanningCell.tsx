import { useDroppable } from "@dnd-kit/core";
import { Progress, Stack, Text } from "@mantine/core";
import type { PlanningCard } from "../../../common/contracts/planning.ts";
import { PlanningCardView } from "./PlanningCardView.tsx";

type Props = { id: string; cards: readonly PlanningCard[]; load: { points: number; capacity: number; over: boolean } | null; compact: boolean; backwards: ReadonlySet<string>; width: number };

/** One sprint × team cell (or the team's "not planned" cell): a drop target with its load bar. */
export function PlanningCell({ id, cards, load, compact, backwards, width }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Stack ref={setNodeRef} gap={4} p={4} data-testid="planning-cell" data-cell={id} style={{ width, minHeight: 80, background: isOver ? "var(--mantine-color-blue-0)" : undefined, borderRight: "1px solid var(--mantine-color-gray-3)" }}>
      {load && (
        <div data-testid="planning-load" data-over={load.over}>
          <Text size="xs" c={load.over ? "red" : "dimmed"}>
            {load.points} / {load.capacity} pts
          </Text>
          <Progress size="xs" value={load.capacity > 0 ? Math.min(100, (load.points / load.capacity) * 100) : 100} color={load.over ? "red" : "teal"} aria-label={`Load ${load.points} of ${load.capacity} points${load.over ? ", over capacity" : ""}`} />
        </div>
      )}
      {cards.map((card) => (
        <PlanningCardView key={card.key} card={card} compact={compact} backwards={backwards.has(card.issueId)} />
      ))}
    </Stack>
  );
}
