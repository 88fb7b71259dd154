import { Badge, Button, Code, Group, Text, Timeline } from "@mantine/core";
import type { HistoryEntry } from "../../common/contracts/use-cases.ts";
import { useHistory } from "../api/use-cases.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime } from "./labels.ts";
import { PageLoader } from "./PageLoader.tsx";

const fieldLabel: Record<string, string> = {
  title: "title",
  description: "description",
  status: "status",
  statusId: "status",
  assignee: "assignee",
  assigneeId: "assignee",
  members: "members",
  memberIds: "members",
  priority: "priority",
  tags: "tags",
  targetDate: "target date",
  businessValue: "business value",
  timeCriticality: "time criticality",
  riskReduction: "risk reduction",
  jobSize: "job size",
  storyPoints: "story points",
  visibility: "visibility",
};

/** History values are JSON of any shape; show names when the server gives objects with one. */
function showValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (Array.isArray(value)) return value.length ? value.map(showValue).join(", ") : "(empty)";
  if (typeof value === "object") {
    const named = value as { name?: unknown; displayName?: unknown };
    if (typeof named.displayName === "string") return named.displayName;
    if (typeof named.name === "string") return named.name;
    return JSON.stringify(value);
  }
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const who = entry.actorLabel;
  const field = fieldLabel[entry.field] ?? entry.field;
  const created = entry.field === "created";
  return (
    <Timeline.Item
      title={
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {created ? `${who} created the use case` : `${who} changed ${field}`}
          </Text>
          {entry.source === "system" && (
            <Badge size="xs" variant="light" color="gray">
              automatic
            </Badge>
          )}
        </Group>
      }
      data-testid="history-entry"
    >
      {!created && (
        <Text size="sm" c="dimmed">
          <Code>{showValue(entry.oldValue)}</Code> → <Code>{showValue(entry.newValue)}</Code>
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {formatDateTime(entry.createdAt)}
      </Text>
    </Timeline.Item>
  );
}

export function HistoryPanel({ workspaceId, useCaseId }: { workspaceId: string; useCaseId: string }) {
  const history = useHistory(workspaceId, useCaseId);
  if (history.isPending) return <PageLoader />;
  const entries = history.data?.pages.flatMap((page) => page.history) ?? [];
  return (
    <>
      <ErrorAlert error={history.error} title="Could not load the history" />
      {entries.length === 0 && !history.isError && (
        <Text c="dimmed" size="sm">
          No changes yet.
        </Text>
      )}
      <Timeline bulletSize={12} lineWidth={2}>
        {entries.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} />
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Button variant="subtle" mt="sm" onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
          Show older changes
        </Button>
      )}
    </>
  );
}
