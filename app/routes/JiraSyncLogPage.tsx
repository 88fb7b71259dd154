import { Anchor, Badge, Breadcrumbs, Button, CloseButton, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Link, useSearchParams } from "react-router";
import type { SyncLogEntry } from "../../common/contracts/jira-sync.ts";
import { type SyncLogFilters, useSyncLog } from "../api/jira-sync.ts";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { directionLabel, formatChange, operationLabel, outcomeColor } from "../components/jira/sync-log-format.ts";
import { formatDateTime } from "../components/labels.ts";

const outcomes: SyncLogEntry["outcome"][] = ["ok", "skipped", "retrying", "blocked", "failed", "conflict"];
const directions: SyncLogEntry["direction"][] = ["to_jira", "from_jira", "none"];
const operations = ["create", "adopt", "push", "pull", "sync", "conflict", "link", "unlink", "unlink_delete"];

function Row({ entry, onUseCase }: { entry: SyncLogEntry; onUseCase: (id: string) => void }) {
  const useCase = entry.useCase;
  return (
    <Table.Tr data-testid="sync-log-row" data-outcome={entry.outcome} data-operation={entry.operation}>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.createdAt)}</Table.Td>
      <Table.Td>
        {useCase ? (
          <Anchor component="button" size="sm" title={`Only ${useCase.key}: ${useCase.title}`} onClick={() => onUseCase(useCase.id)}>
            {useCase.key}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            –
          </Text>
        )}
      </Table.Td>
      <Table.Td>{entry.issueKey ?? "–"}</Table.Td>
      <Table.Td>{operationLabel(entry.operation)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{directionLabel[entry.direction]}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={outcomeColor[entry.outcome]}>
          {entry.outcome}
        </Badge>
      </Table.Td>
      <Table.Td>
        {entry.changes.map((change) => (
          <Text key={change.field} size="xs" ff="monospace">
            {formatChange(change)}
          </Text>
        ))}
        {entry.message && <Text size="xs">{entry.message}</Text>}
        {entry.errorCode && (
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.errorCode}
            {entry.attempts > 1 ? ` · ${entry.attempts} attempts` : ""}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Settings → Jira → Sync log: every sync operation of the workspace, filtered, newest first (Admins and Moderators). */
export function JiraSyncLogPage() {
  const { workspaceId } = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const setFilter = (name: keyof SyncLogFilters, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const [issueKey] = useDebouncedValue(params.get("issueKey") ?? "", 300);
  const filters: SyncLogFilters = {
    outcome: params.get("outcome") ?? undefined,
    direction: params.get("direction") ?? undefined,
    operation: params.get("operation") ?? undefined,
    issueKey: issueKey.trim().toUpperCase() || undefined,
    useCaseId: params.get("useCaseId") ?? undefined,
  };
  const log = useSyncLog(workspaceId, filters);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filteredUseCase = filters.useCaseId ? entries.find((e) => e.useCase?.id === filters.useCaseId)?.useCase : undefined;

  return (
    <Stack gap="lg" data-testid="sync-log-page">
      <div>
        <Breadcrumbs separator="→">
          <Anchor component={Link} to={`/w/${workspaceId}/settings/jira`} size="sm">
            Jira
          </Anchor>
          <Text size="sm" c="dimmed">
            Sync log
          </Text>
        </Breadcrumbs>
        <Title order={2} mt={4}>
          Sync log
        </Title>
      </div>
      <Group gap="sm" align="flex-end" data-testid="sync-log-filters">
        <Select label="Outcome" placeholder="Any" clearable data={outcomes} value={filters.outcome ?? null} onChange={(v) => setFilter("outcome", v)} w={140} data-testid="sync-log-outcome" />
        <Select
          label="Direction"
          placeholder="Any"
          clearable
          data={directions.map((d) => ({ value: d, label: directionLabel[d] }))}
          value={filters.direction ?? null}
          onChange={(v) => setFilter("direction", v)}
          w={160}
          data-testid="sync-log-direction"
        />
        <Select
          label="Operation"
          placeholder="Any"
          clearable
          data={operations.map((o) => ({ value: o, label: operationLabel(o) }))}
          value={filters.operation ?? null}
          onChange={(v) => setFilter("operation", v)}
          w={160}
          data-testid="sync-log-operation"
        />
        <TextInput label="Issue key" placeholder="TETH-12" value={params.get("issueKey") ?? ""} onChange={(e) => setFilter("issueKey", e.currentTarget.value)} w={140} data-testid="sync-log-issue-key" />
        {filters.useCaseId && (
          <Group gap={4} data-testid="sync-log-use-case-filter">
            <Text size="sm">Use case {filteredUseCase?.key ?? ""}</Text>
            <CloseButton size="sm" aria-label="Show every use case" onClick={() => setFilter("useCaseId", null)} />
          </Group>
        )}
      </Group>
      <ErrorAlert error={log.error} title="The sync log is not available" />
      {!log.isPending && entries.length === 0 && !log.error && (
        <Text c="dimmed" data-testid="sync-log-empty">
          No entries match.
        </Text>
      )}
      {entries.length > 0 && (
        <Table verticalSpacing="xs" striped data-testid="sync-log-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Use case</Table.Th>
              <Table.Th>Issue</Table.Th>
              <Table.Th>Operation</Table.Th>
              <Table.Th>Direction</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Row key={entry.id} entry={entry} onUseCase={(id) => setFilter("useCaseId", id)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Group>
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} data-testid="sync-log-more">
            Load older entries
          </Button>
        </Group>
      )}
    </Stack>
  );
}
