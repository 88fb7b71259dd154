import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useImportPreview, useImportProgress, useStartImport } from "../../api/jira-reconcile.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { JobProgress } from "./SyncOperationsPanel.tsx";

/** Import: preview the Epics a JQL selects, then create and link a use case for each one not linked yet. */
export function ImportEpicsPanel({ workspaceId }: { workspaceId: string }) {
  const [jql, setJql] = useState("");
  const [jobId, setJobId] = useState<string | null>(null);
  const preview = useImportPreview(workspaceId);
  const start = useStartImport(workspaceId);
  const progress = useImportProgress(workspaceId, jobId);
  const fresh = preview.data?.epics.filter((e) => !e.linked).length ?? 0;
  return (
    <Stack gap="md" data-testid="jira-import">
      <div>
        <Title order={3}>Import Epics</Title>
        <Text size="sm" c="dimmed">
          Creates a use case for each Epic the JQL selects (mapped issue type, synced projects) and links it. Epics linked already are left alone.
        </Text>
      </div>
      <Group align="flex-end">
        <TextInput label="JQL" placeholder="project = TETH AND status != Done" value={jql} onChange={(e) => setJql(e.currentTarget.value)} w={420} data-testid="jira-import-jql" />
        <Button variant="light" disabled={jql.trim() === ""} loading={preview.isPending} onClick={() => preview.mutate(jql)}>
          Preview
        </Button>
        <Button
          disabled={!preview.data || fresh === 0}
          loading={start.isPending}
          onClick={() => start.mutate({ jql }, { onSuccess: (job) => setJobId(job.id) })}
          data-testid="jira-import-start"
        >
          Import {fresh > 0 ? `${fresh}${preview.data?.more ? "+" : ""}` : ""}
        </Button>
      </Group>
      <ErrorAlert error={preview.error ?? start.error ?? progress.error} title="Import" />
      {preview.data && (
        <Table data-testid="jira-import-preview">
          <Table.Tbody>
            {preview.data.epics.map((epic) => (
              <Table.Tr key={epic.issueId}>
                <Table.Td>{epic.issueKey}</Table.Td>
                <Table.Td>{epic.summary}</Table.Td>
                <Table.Td>{epic.status}</Table.Td>
                <Table.Td>{epic.linked && <Badge variant="light">linked</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.data?.more && <Text size="sm" c="dimmed">More Epics match than are listed; the import takes them all.</Text>}
      {progress.data && <JobProgress progress={progress.data} testId="jira-import-progress" />}
    </Stack>
  );
}
