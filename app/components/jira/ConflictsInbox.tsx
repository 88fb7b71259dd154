import { Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useOpenConflicts, useResolveConflict } from "../../api/jira-reconcile.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** Conflicts parked in "ask" mode: a person keeps Tether's or Jira's value, and the sync carries it. */
export function ConflictsInbox({ workspaceId }: { workspaceId: string }) {
  const conflicts = useOpenConflicts(workspaceId);
  const resolve = useResolveConflict(workspaceId);
  return (
    <Stack gap="md" data-testid="jira-conflicts">
      <div>
        <Title order={3}>Conflicts</Title>
        <Text size="sm" c="dimmed">
          With the conflict policy “ask”, a field changed on both sides waits here for a choice.
        </Text>
      </div>
      <ErrorAlert error={conflicts.error ?? resolve.error} title="Conflicts" />
      {conflicts.data && conflicts.data.conflicts.length === 0 && <Text size="sm">No open conflicts.</Text>}
      {conflicts.data && conflicts.data.conflicts.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Use case</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Tether</Table.Th>
              <Table.Th>Jira</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.data.conflicts.map((c) => (
              <Table.Tr key={`${c.linkId}:${c.field}`} data-testid="jira-conflict">
                <Table.Td>
                  {c.useCase.key} {c.useCase.title} {c.issueKey ? `(${c.issueKey})` : ""}
                </Table.Td>
                <Table.Td>{c.field}</Table.Td>
                <Table.Td>{show(c.tether)}</Table.Td>
                <Table.Td>{show(c.jira)}</Table.Td>
                <Table.Td c="dimmed">{show(c.base)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" disabled={resolve.isPending} onClick={() => resolve.mutate({ linkId: c.linkId, field: c.field, keep: "tether" })}>
                      Keep Tether's
                    </Button>
                    <Button size="xs" variant="light" disabled={resolve.isPending} onClick={() => resolve.mutate({ linkId: c.linkId, field: c.field, keep: "jira" })}>
                      Keep Jira's
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
