import { Alert, Badge, Group, Progress, Table, Text } from "@mantine/core";
import type { MappingImpact } from "../../../common/contracts/jira-mapping.ts";
import { syncFieldLabel } from "./mapping-draft.ts";

const changeLabel: Record<MappingImpact["changedFields"][number]["change"], string> = {
  added: "now synced",
  removed: "no longer synced",
  direction: "direction changed",
  jiraField: "other Jira field",
  values: "value map changed",
};

/** What saving would change (the dry run's answer): fields, the linked use cases that will re-sync, and what is left out on purpose. */
export function MappingImpactView({ impact }: { impact: MappingImpact }) {
  const notes = impact.notes ?? [];
  return (
    <>
      <ChangesView impact={impact} />
      {notes.length > 0 && (
        <Alert color="gray" mt="xs" title="Not synced in every project" data-testid="jira-mapping-notes">
          {notes.map((note) => (
            <Text size="sm" key={note.path}>
              {note.message}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}

function ChangesView({ impact }: { impact: MappingImpact }) {
  if (impact.changedFields.length === 0) {
    return (
      <Alert color="gray" title="Nothing changes for linked use cases" data-testid="jira-mapping-impact" data-affected={0}>
        {impact.linkedUseCases} linked use case{impact.linkedUseCases === 1 ? "" : "s"}; no field is carried differently.
      </Alert>
    );
  }
  return (
    <Alert color="blue" title="What saving changes" data-testid="jira-mapping-impact" data-affected={impact.affected.length}>
      <Group gap={6} mb="xs">
        {impact.changedFields.map((change) => (
          <Badge key={change.tetherField} tt="none" variant="light" data-testid="jira-mapping-impact-field" data-field={change.tetherField}>
            {syncFieldLabel(change.tetherField)}: {changeLabel[change.change]}
          </Badge>
        ))}
      </Group>
      {impact.affected.length === 0 ? (
        <Text size="sm">No use case is linked yet: nothing re-syncs.</Text>
      ) : (
        <>
          <Text size="sm" mb={4}>
            {impact.affected.length} of {impact.linkedUseCases} linked use cases will re-sync:
          </Text>
          <Table verticalSpacing={2} withRowBorders={false}>
            <Table.Tbody>
              {impact.affected.slice(0, 20).map((item) => (
                <Table.Tr key={item.useCaseId}>
                  <Table.Td w={100}>{item.key}</Table.Td>
                  <Table.Td w={120}>{item.issueKey ?? "Epic being created"}</Table.Td>
                  <Table.Td>{item.fields.map((f) => syncFieldLabel(f)).join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {impact.affected.length > 20 && <Text size="xs">… and {impact.affected.length - 20} more.</Text>}
        </>
      )}
    </Alert>
  );
}

/** Re-sync progress after a save: linked use cases synced since, of all of them. */
export function ResyncProgress({ resync }: { resync: { total: number; done: number } }) {
  if (resync.total === 0) return null;
  const running = resync.done < resync.total;
  return (
    <div data-testid="jira-resync" data-done={resync.done} data-total={resync.total}>
      <Text size="sm" mb={4}>
        {running ? `Re-syncing linked use cases: ${resync.done} of ${resync.total}` : `All ${resync.total} linked use cases synced with this mapping.`}
      </Text>
      <Progress value={(100 * resync.done) / resync.total} animated={running} color={running ? "blue" : "green"} />
    </div>
  );
}
