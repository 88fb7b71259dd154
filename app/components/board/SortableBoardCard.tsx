import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ComponentProps } from "react";
import { BoardCard } from "./BoardCard.tsx";

/** What a dragged card carries, read by the board on drop and by the screen-reader announcements. */
export type CardDragData = { kind: "card"; useCase: ComponentProps<typeof BoardCard>["useCase"]; statusId: string };

/** A board card that can be dragged by its handle (pointer or keyboard) when the caller may move it. */
export function SortableBoardCard(props: Omit<ComponentProps<typeof BoardCard>, "drag">) {
  const data: CardDragData = { kind: "card", useCase: props.useCase, statusId: props.useCase.status.id };
  const sortable = useSortable({ id: props.useCase.id, data, disabled: !props.onMove });
  const drag = props.onMove
    ? {
        setNodeRef: sortable.setNodeRef,
        setHandleRef: sortable.setActivatorNodeRef,
        attributes: sortable.attributes,
        listeners: sortable.listeners,
        style: { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition, opacity: sortable.isDragging ? 0.4 : 1 },
      }
    : undefined;
  // A card the caller may not move still takes part in the list, so others can be dropped around it.
  if (!drag) return <div ref={sortable.setNodeRef}>{<BoardCard {...props} />}</div>;
  return <BoardCard {...props} drag={drag} />;
}
