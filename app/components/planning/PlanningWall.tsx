import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { Alert, Group, SegmentedControl, Select, Text } from "@mantine/core";
import { useMemo, useRef, useState } from "react";
import type { PlanningBoard } from "../../../common/contracts/planning.ts";
import { useMoveCard } from "../../api/planning.ts";
import { type AssigneeChoice, useAssigneeFilter } from "../../api/planning-assignees.ts";
import { AssigneeFilterStatus, AssigneePicker } from "./AssigneeFilter.tsx";
import { errorMessage } from "../ErrorAlert.tsx";
import { DependencyLines } from "./DependencyLines.tsx";
import { PlanningCell } from "./PlanningCell.tsx";
import { cardsByCell, cellId, noFilters, parseCellId, type PlanningFilters, visibleCards } from "./planning-layout.ts";

const zoomWidths = { S: 150, M: 220, L: 300 } as const;
type Zoom = keyof typeof zoomWidths;

/** The planning wall: teams as rows, each team's sprints plus "not planned" as columns; cards dragged between cells. */
export function PlanningWall({ workspaceId, board }: { workspaceId: string; board: PlanningBoard }) {
  const move = useMoveCard(workspaceId, board.pi.id);
  const [filters, setFilters] = useState<PlanningFilters>(noFilters);
  const [zoom, setZoom] = useState<Zoom>("M");
  const [problem, setProblem] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));
  const wall = useRef<HTMLDivElement | null>(null);
  const [assignee, setAssignee] = useState<AssigneeChoice | null>(null);
  const assigned = useAssigneeFilter(workspaceId, board.pi.id, assignee, board.pi.version);
  // Until Jira has answered (or when it could not), the assignee filter hides nothing.
  const held = useMemo(() => (assignee && assigned.data ? new Set(assigned.data.issueIds) : null), [assignee, assigned.data]);
  const cards = useMemo(() => visibleCards(board, filters).filter((card) => !held || held.has(card.issueId)), [board, filters, held]);
  const cells = useMemo(() => cardsByCell(cards), [cards]);
  const keyOf = useMemo(() => new Map(board.cards.map((card) => [card.issueId, card.key])), [board.cards]);
  const backwards = useMemo(() => new Set(board.dependencies.filter((dependency) => dependency.backwards).map((dependency) => dependency.toIssueId)), [board.dependencies]);
  const teams = board.pi.teams.filter((team) => !filters.teamId || team.id === filters.teamId);
  const epics = [...new Set(board.cards.map((card) => card.epicKey).filter((key): key is string => key !== null))].sort();
  const types = [...new Set(board.cards.map((card) => card.issueTypeId).filter((id): id is string => id !== null))].sort();
  const width = zoomWidths[zoom];

  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over) return;
    const card = board.cards.find((candidate) => candidate.key === String(event.active.id));
    const target = parseCellId(String(event.over.id));
    if (!card || (card.sprintId === target.sprintId && card.teamId === target.teamId)) return;
    setProblem(null);
    move.mutate({ issueKey: card.key, sprintId: target.sprintId, teamId: target.teamId }, { onError: (error) => setProblem(`${card.key} was not moved: ${errorMessage(error)}`) });
  };

  return (
    <>
      <Group gap="sm" align="flex-end">
        <Select label="Team" placeholder="All teams" clearable data={board.pi.teams.map((team) => ({ value: team.id, label: team.name }))} value={filters.teamId} onChange={(teamId) => setFilters({ ...filters, teamId })} data-testid="filter-team" />
        <Select label="Epic" placeholder="All Epics" clearable data={epics} value={filters.epicKey} onChange={(epicKey) => setFilters({ ...filters, epicKey })} data-testid="filter-epic" />
        <Select label="Type" placeholder="All types" clearable data={types} value={filters.issueTypeId} onChange={(issueTypeId) => setFilters({ ...filters, issueTypeId })} data-testid="filter-type" />
        <AssigneePicker workspaceId={workspaceId} piId={board.pi.id} choice={assignee} onChoose={setAssignee} />
        <SegmentedControl data={["S", "M", "L"]} value={zoom} onChange={(value) => setZoom(value as Zoom)} aria-label="Zoom" data-testid="zoom" />
      </Group>
      <AssigneeFilterStatus choice={assignee} result={assigned} onClear={() => setAssignee(null)} />
      {problem && (
        <Alert color="orange" withCloseButton onClose={() => setProblem(null)} data-testid="planning-problem">
          {problem}
        </Alert>
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div ref={wall} style={{ position: "relative", overflow: "auto" }} data-testid="planning-wall">
          {teams.map((team) => {
            const sprints = board.sprints.filter((sprint) => sprint.teamId === team.id);
            return (
              <div key={team.id} data-testid="planning-team-row">
                <Text fw={600} size="sm" mt="sm">
                  {team.name} · capacity {team.capacity} pts per sprint
                </Text>
                <Group gap={0} wrap="nowrap" align="stretch" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
                  {sprints.map((sprint) => (
                    <div key={sprint.sprintId}>
                      <Text size="xs" fw={500} px={4}>
                        {sprint.name} ({sprint.state})
                      </Text>
                      <PlanningCell id={cellId(team.id, sprint.sprintId)} cards={cells.get(cellId(team.id, sprint.sprintId)) ?? []} load={board.load.find((entry) => entry.sprintId === sprint.sprintId) ?? null} compact={zoom === "S"} backwards={backwards} width={width} />
                    </div>
                  ))}
                  <div>
                    <Text size="xs" fw={500} px={4}>
                      Not planned
                    </Text>
                    <PlanningCell id={cellId(team.id, null)} cards={cells.get(cellId(team.id, null)) ?? []} load={null} compact={zoom === "S"} backwards={backwards} width={width} />
                  </div>
                </Group>
              </div>
            );
          })}
          <DependencyLines container={wall} dependencies={board.dependencies} keyOf={keyOf} redrawKey={[cards, zoom]} />
        </div>
      </DndContext>
    </>
  );
}
