import { Button, Group, NumberInput, Progress, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { SyncJobProgress } from "../../../common/contracts/jira-reconcile.ts";
import { useResyncProgress, useSaveSyncSettings, useStartResync, useSyncSettings } from "../../api/jira-reconcile.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

export function JobProgress({ progress, testId }: { progress: SyncJobProgress; testId: string }) {
  const finished = progress.done + progress.failed + progress.skipped;
  const percent = progress.total === 0 ? (progress.state === "done" ? 100 : 0) : Math.min(100, Math.round((finished / progress.total) * 100));
  return (
    <Stack gap={4} data-testid={testId} data-state={progress.state}>
      <Progress value={percent} color={progress.failed > 0 ? "orange" : "blue"} animated={progress.state === "running"} />
      <Text size="sm">
        {progress.done} of {progress.total} done{progress.failed > 0 ? `, ${progress.failed} failed (see the sync log)` : ""}
        {progress.skipped > 0 ? `, ${progress.skipped} linked already` : ""} · {progress.state}
      </Text>
      {progress.message && <Text size="sm" c="dimmed">{progress.message}</Text>}
    </Stack>
  );
}

/** Reconciliation interval and "Re-sync workspace" with its progress (Admins and Moderators). */
export function SyncOperationsPanel({ workspaceId }: { workspaceId: string }) {
  const settings = useSyncSettings(workspaceId);
  const save = useSaveSyncSettings(workspaceId);
  const progress = useResyncProgress(workspaceId);
  const start = useStartResync(workspaceId);
  const [minutes, setMinutes] = useState<number | null>(null);
  const current = settings.data ? settings.data.reconcileIntervalSeconds / 60 : 1;
  return (
    <Stack gap="md" data-testid="jira-sync-operations">
      <div>
        <Title order={3}>Reconciliation and re-sync</Title>
        <Text size="sm" c="dimmed">
          Tether asks Jira at this interval for changes no webhook brought, and retries links left waiting.
        </Text>
      </div>
      <ErrorAlert error={settings.error ?? save.error} title="Reconciliation settings" />
      <Group align="flex-end">
        <NumberInput label="Interval (minutes)" min={1} max={1440} value={minutes ?? current} onChange={(value) => setMinutes(typeof value === "number" ? value : null)} w={180} data-testid="jira-reconcile-interval" />
        <Button variant="light" loading={save.isPending} disabled={minutes === null || minutes === current} onClick={() => minutes !== null && save.mutate({ reconcileIntervalSeconds: Math.round(minutes * 60) })}>
          Save interval
        </Button>
      </Group>
      {settings.data?.lastRun && (
        <Text size="sm" c="dimmed" data-testid="jira-reconcile-last-run">
          Last run {new Date(settings.data.lastRun.at).toLocaleString()}: {settings.data.lastRun.message}
        </Text>
      )}
      <ErrorAlert error={start.error ?? progress.error} title="Re-sync" />
      <Group>
        <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="jira-resync-workspace">
          Re-sync workspace now
        </Button>
      </Group>
      {progress.data?.resync && <JobProgress progress={progress.data.resync} testId="jira-resync-progress" />}
    </Stack>
  );
}
