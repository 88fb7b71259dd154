import { Badge, Group, Stack, Text } from "@mantine/core";
import type { SyncLogEntry } from "../../../common/contracts/jira-sync.ts";
import { formatDateTime } from "../labels.ts";
import { directionArrow, formatChange, operationLabel, outcomeColor } from "./sync-log-format.ts";

/** The last sync-log entries of one use case, compact: operation, direction, fields old → new, outcome, message. */
export function SyncLogList({ entries }: { entries: readonly SyncLogEntry[] }) {
  if (entries.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Nothing synced yet.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="jira-recent">
      {entries.map((entry) => (
        <div key={entry.id} data-testid="jira-recent-entry" data-operation={entry.operation} data-outcome={entry.outcome}>
          <Group gap={6} wrap="nowrap">
            <Badge size="xs" color={outcomeColor[entry.outcome]} variant="light">
              {entry.outcome}
            </Badge>
            <Text size="xs" fw={500}>
              {operationLabel(entry.operation)} {directionArrow[entry.direction]}
            </Text>
            <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: "nowrap" }}>
              {formatDateTime(entry.createdAt)}
            </Text>
          </Group>
          {entry.changes.map((change) => (
            <Text key={change.field} size="xs" ff="monospace" c="dimmed" data-testid="jira-recent-change">
              {formatChange(change)}
            </Text>
          ))}
          {entry.message && (
            <Text size="xs" c={entry.outcome === "ok" || entry.outcome === "skipped" ? "dimmed" : "orange.9"}>
              {entry.message}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
