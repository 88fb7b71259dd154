/** Where a dropped card goes: its column, and the cards that end up just above and below it. */
export type DropPlan = { statusId: string; afterUseCaseId: string | null; beforeUseCaseId: string | null };

export type Drop = {
  useCaseId: string;
  fromStatusId: string;
  toStatusId: string;
  /** The target column's cards as shown (with the dragged card if it came from this column). */
  targetCards: readonly string[];
  /** The card it was dropped on, or null for the column itself (its empty space). */
  overCardId: string | null;
  /** Dropped on the lower half of `overCardId` (only matters when coming from another column). */
  belowOverCard: boolean;
};

/**
 * The new place of a dropped card, or null when nothing changes. Within a column the card takes
 * the place of the card it is over (as a sortable list shows it); from another column it goes
 * above or below that card, or to the end of the column.
 */
export function planDrop(drop: Drop): DropPlan | null {
  const others = drop.targetCards.filter((id) => id !== drop.useCaseId);
  let index: number;
  if (drop.fromStatusId === drop.toStatusId) {
    const from = drop.targetCards.indexOf(drop.useCaseId);
    const to = drop.overCardId === null ? drop.targetCards.length - 1 : drop.targetCards.indexOf(drop.overCardId);
    if (from < 0 || to < 0 || from === to) return null;
    index = to;
  } else {
    const over = drop.overCardId === null ? -1 : others.indexOf(drop.overCardId);
    index = over < 0 ? others.length : over + (drop.belowOverCard ? 1 : 0);
  }
  return { statusId: drop.toStatusId, afterUseCaseId: others[index - 1] ?? null, beforeUseCaseId: others[index] ?? null };
}
