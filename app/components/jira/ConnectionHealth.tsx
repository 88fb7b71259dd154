import { Alert, Badge, Group, Text } from "@mantine/core";
import type { ConnectionHealth } from "../../../common/contracts/jira-health.ts";
import { formatDateTime } from "../labels.ts";

const color: Record<ConnectionHealth["state"], string> = { ok: "teal", broken: "red", untested: "yellow", not_connected: "gray" };
const label: Record<ConnectionHealth["state"], string> = {
  ok: "Connection working",
  broken: "Connection broken",
  untested: "Connection not tested",
  not_connected: "Not connected",
};

/** The health beside the feature switches: a badge, when it was checked, and why it is not ok. */
export function ConnectionHealthLine({ health }: { health: ConnectionHealth }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="jira-health" data-state={health.state}>
      <Badge color={color[health.state]} variant="light" style={{ flexShrink: 0 }}>
        {label[health.state]}
      </Badge>
      <Text size="sm" c="dimmed" data-testid="jira-health-reason">
        {health.reason ?? (health.checkedAt ? `Last tested ${formatDateTime(health.checkedAt)}.` : "")}
      </Text>
    </Group>
  );
}

/** On pages that depend on Jira: a banner while the connection is known to be broken. */
export function ConnectionHealthBanner({ health }: { health: ConnectionHealth | undefined }) {
  if (health?.state !== "broken") return null;
  return (
    <Alert color="red" variant="light" p="xs" title="The Jira connection is broken" data-testid="jira-health-banner">
      <Text size="sm">{health.reason} Nothing syncs until an Admin or Moderator fixes it in Jira settings.</Text>
    </Alert>
  );
}
