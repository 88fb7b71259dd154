import type { Active, Announcements, Over, ScreenReaderInstructions } from "@dnd-kit/core";
import type { CardDragData } from "./SortableBoardCard.tsx";
import type { ColumnDropData } from "./BoardColumn.tsx";

const card = (active: Active) => active.data.current as CardDragData | undefined;

/** Where a card is over, in words: "in Evaluating, above UC-3" or "in Evaluating". */
function place(over: Over | null, statusName: (id: string) => string): string {
  const data = over?.data.current as CardDragData | ColumnDropData | undefined;
  if (!data) return "outside any column";
  if (data.kind === "column") return `in ${data.status.name}`;
  return `in ${statusName(data.statusId)}, at ${data.useCase.key}`;
}

export const boardInstructions: ScreenReaderInstructions = {
  draggable:
    "To move this use case, press Space or Enter. Use the arrow keys to move it within its column or to another column, " +
    "Space or Enter again to drop it, Escape to cancel.",
};

/** What screen readers hear while a card moves (dnd-kit's live region), in the board's words. */
export function boardAnnouncements(statusName: (id: string) => string): Announcements {
  const key = (active: Active) => card(active)?.useCase.key ?? "The use case";
  return {
    onDragStart: ({ active }) => `Picked up ${key(active)} from ${statusName(card(active)?.statusId ?? "")}.`,
    // Over itself (right after pick-up) is no news: "Picked up …" stays the last thing said.
    onDragOver: ({ active, over }) => (over?.id === active.id ? undefined : `${key(active)} is ${place(over, statusName)}.`),
    onDragEnd: ({ active, over }) => (over ? `${key(active)} was dropped ${place(over, statusName)}.` : `${key(active)} was put back.`),
    onDragCancel: ({ active }) => `Moving ${key(active)} was cancelled; it is back where it was.`,
  };
}
