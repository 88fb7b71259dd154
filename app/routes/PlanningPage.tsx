import { Alert, Button, Group, NumberInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { usePlanningBoard, useCreatePi, useProgramIncrements, useResyncJob, useResyncPi } from "../api/planning.ts";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert, errorMessage } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { NoFormNotice } from "../components/permissions/ReadOnlyNotice.tsx";
import { PlanningWall } from "../components/planning/PlanningWall.tsx";
import { ResyncProgress } from "../components/planning/ResyncProgress.tsx";

/** PI planning: choose (or, as Admin/Moderator, create) a program increment and plan it on the wall. */
export function PlanningPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  // Visitors see nothing of planning (the seed's role table): said here, without asking the API for a 403.
  // Until the caller's role is known, nothing is asked of the API.
  if (!workspace) return <PageLoader />;
  if (workspace?.role === "visitor") {
    return (
      <NoFormNotice
        title="Planning is not open to Visitors"
        reason="You are a Visitor in this workspace: the PI-planning boards are for Admins, Moderators and Members. Ask an Admin for another role if you plan work."
        backTo={`/w/${workspaceId}/use-cases`}
        backLabel="Back to the use cases"
      />
    );
  }
  return <PlanningContent />;
}

function PlanningContent() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const pis = useProgramIncrements(workspaceId);
  const [chosen, setChosen] = useState<string | null>(null);
  const mayEdit = workspace?.role === "admin" || workspace?.role === "moderator";
  const piId = chosen ?? pis.data?.pis[0]?.id ?? null;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Planning</Title>
        {pis.data && pis.data.pis.length > 0 && (
          <Select aria-label="Program increment" data={pis.data.pis.map((pi) => ({ value: pi.id, label: `${pi.name} (${pi.startsOn} – ${pi.endsOn})` }))} value={piId} onChange={setChosen} data-testid="pi-select" />
        )}
      </Group>
      <ErrorAlert error={pis.error} title="Could not load the program increments" />
      {mayEdit && <NewPiForm workspaceId={workspaceId} onCreated={setChosen} />}
      {pis.isPending ? <PageLoader /> : piId ? <PiBoard workspaceId={workspaceId} piId={piId} mayResync={mayEdit} /> : <Text c="dimmed">No program increment yet.</Text>}
    </Stack>
  );
}

function PiBoard({ workspaceId, piId, mayResync }: { workspaceId: string; piId: string; mayResync: boolean }) {
  const board = usePlanningBoard(workspaceId, piId);
  const resync = useResyncPi(workspaceId, piId);
  const job = useResyncJob(workspaceId, piId, resync.data?.id ?? null);
  const [scope, setScope] = useState<string | null>(null);
  const running = resync.isPending || (job.data ? job.data.state === "queued" || job.data.state === "running" : resync.isSuccess);
  if (board.isPending) return <PageLoader />;
  if (!board.data) return <ErrorAlert error={board.error} title="Could not load the board" />;
  return (
    <Stack gap="sm">
      <Group>
        <Text size="sm" c="dimmed">
          {board.data.cards.length} cards · last synced {board.data.pi.syncedAt ?? "never"}
        </Text>
        {mayResync && (
          <Group gap="xs">
            <Select
              size="xs"
              aria-label="What to re-sync"
              data={[{ value: "", label: "Whole PI" }, ...board.data.pi.teams.map((team) => ({ value: team.id, label: `${team.name} only` }))]}
              value={scope ?? ""}
              onChange={(value) => setScope(value || null)}
              allowDeselect={false}
              data-testid="pi-resync-scope"
            />
            <Button size="xs" variant="light" loading={running} onClick={() => resync.mutate(scope)} data-testid="pi-resync">
              Re-sync from Jira
            </Button>
          </Group>
        )}
      </Group>
      {resync.error && <Alert color="red">{errorMessage(resync.error)}</Alert>}
      {job.data && <ResyncProgress job={job.data} />}
      <PlanningWall workspaceId={workspaceId} board={board.data} />
    </Stack>
  );
}

function NewPiForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (id: string) => void }) {
  const create = useCreatePi(workspaceId);
  const [name, setName] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [boardId, setBoardId] = useState<number | string>("");
  const [capacity, setCapacity] = useState<number | string>(20);
  const [useCaseIds, setUseCaseIds] = useState("");
  const submit = () =>
    create.mutate(
      { name, startsOn, endsOn, useCaseIds: useCaseIds.split(/[\s,]+/).filter(Boolean), teams: [{ boardId: Number(boardId), capacity: Number(capacity) }] },
      { onSuccess: (pi) => onCreated(pi.id) },
    );
  return (
    <Stack gap="xs" data-testid="new-pi-form">
      <Group align="flex-end" gap="xs">
        <TextInput label="New PI" placeholder="PI 26.1" value={name} onChange={(event) => setName(event.currentTarget.value)} data-testid="pi-name" />
        <TextInput label="Starts" placeholder="2026-01-05" value={startsOn} onChange={(event) => setStartsOn(event.currentTarget.value)} data-testid="pi-starts" />
        <TextInput label="Ends" placeholder="2026-03-27" value={endsOn} onChange={(event) => setEndsOn(event.currentTarget.value)} data-testid="pi-ends" />
        <NumberInput label="Jira board id" value={boardId} onChange={setBoardId} data-testid="pi-board" w={120} />
        <NumberInput label="Capacity / sprint" value={capacity} onChange={setCapacity} data-testid="pi-capacity" w={130} />
        <TextInput label="Use case ids" value={useCaseIds} onChange={(event) => setUseCaseIds(event.currentTarget.value)} data-testid="pi-use-cases" />
        <Button onClick={submit} loading={create.isPending} disabled={!name || !startsOn || !endsOn || boardId === ""} data-testid="pi-create">
          Create PI
        </Button>
      </Group>
      {create.error && <Alert color="red">{errorMessage(create.error)}</Alert>}
    </Stack>
  );
}
