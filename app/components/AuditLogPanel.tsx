import { Button, Code, Stack, Table, Text, Title } from "@mantine/core";
import { useAuditLog } from "../api/workspace-settings.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime } from "./labels.ts";
import { PageLoader } from "./PageLoader.tsx";

/** Who changed the workspace's setup (members, invitations, workflow, Jira), newest first. */
export function AuditLogPanel({ workspaceId }: { workspaceId: string }) {
  const log = useAuditLog(workspaceId);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <Stack gap="sm" data-testid="audit-log">
      <div>
        <Title order={3}>Audit log</Title>
        <Text size="sm" c="dimmed">
          Setup changes: members and roles, invitations, the workflow, the Jira connection and its features.
        </Text>
      </div>
      <ErrorAlert error={log.error} title="Could not load the audit log" />
      {log.isPending ? (
        <PageLoader />
      ) : entries.length === 0 ? (
        <Text c="dimmed">Nothing recorded yet.</Text>
      ) : (
        // Action names are long unbroken words (e.g. jira.webhook_registration_changed): they wrap,
        // and on a phone the table scrolls inside its card rather than widening the page.
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.createdAt)}</Table.Td>
                  <Table.Td>{entry.actor?.displayName ?? "—"}</Table.Td>
                  <Table.Td>
                    <Code style={{ overflowWrap: "anywhere" }}>{entry.action}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          Load older
        </Button>
      )}
    </Stack>
  );
}
