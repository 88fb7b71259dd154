import type { PlanningBoard, PlanningCard } from "../../../common/contracts/planning.ts";

/** Pure: which cards go in which cell, after the filters. */

export type PlanningFilters = { teamId: string | null; epicKey: string | null; issueTypeId: string | null };
export const noFilters: PlanningFilters = { teamId: null, epicKey: null, issueTypeId: null };

export const cellId = (teamId: string | null, sprintId: number | null) => `${teamId ?? "none"}:${sprintId ?? "unplanned"}`;

export function parseCellId(id: string): { teamId: string | null; sprintId: number | null } {
  const [team = "none", sprint = "unplanned"] = id.split(":");
  return { teamId: team === "none" ? null : team, sprintId: sprint === "unplanned" ? null : Number(sprint) };
}

export function visibleCards(board: PlanningBoard, filters: PlanningFilters): PlanningCard[] {
  return board.cards.filter(
    (card) => (!filters.teamId || card.teamId === filters.teamId) && (!filters.epicKey || card.epicKey === filters.epicKey) && (!filters.issueTypeId || card.issueTypeId === filters.issueTypeId),
  );
}

export function cardsByCell(cards: readonly PlanningCard[]): Map<string, PlanningCard[]> {
  const cells = new Map<string, PlanningCard[]>();
  for (const card of cards) {
    const id = cellId(card.teamId, card.sprintId);
    const list = cells.get(id);
    if (list) list.push(card);
    else cells.set(id, [card]);
  }
  return cells;
}

const palette = ["#4c6ef5", "#12b886", "#fab005", "#e64980", "#7950f2", "#15aabf", "#fd7e14", "#82c91e"];

/** A stable colour per Epic (use case), so a use case's cards are recognisable across the wall. */
export function epicColour(epicKey: string | null): string {
  if (!epicKey) return "#adb5bd";
  let hash = 0;
  for (const char of epicKey) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? "#adb5bd";
}
