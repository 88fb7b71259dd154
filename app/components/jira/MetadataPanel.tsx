import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useJiraMetadata, useRefreshJiraMetadata } from "../../api/jira.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { formatDateTime } from "../labels.ts";
import { type FieldRoleName, fieldRoleLabels, type MetadataSummary, type ProjectSummary, summariseMetadata } from "./metadata-summary.ts";

const categoryColor: Record<string, string> = { new: "gray", indeterminate: "blue", done: "green" };

function Count({ label, value }: { label: string; value: number | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} data-testid={`jira-metadata-count-${label.toLowerCase().replaceAll(" ", "-")}`}>
        {value ?? "—"}
      </Text>
    </div>
  );
}

/** Why a field Tether looks for may be absent without harm. */
const absentNote: Partial<Record<FieldRoleName, string>> = {
  epicLink: "does not matter on Jira Cloud, where the Epic is the issue's parent",
};

function FieldRoles({ roles }: { roles: MetadataSummary["fieldRoles"] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} data-testid="jira-field-roles">
      <Table.Tbody>
        {(Object.keys(fieldRoleLabels) as FieldRoleName[]).map((role) => {
          const fieldId = roles?.[role] ?? null;
          return (
            <Table.Tr key={role} data-testid="jira-field-role" data-role={role}>
              <Table.Td w={140}>
                <Text size="sm">{fieldRoleLabels[role]}</Text>
              </Table.Td>
              <Table.Td>
                {fieldId ? (
                  <Text size="sm" ff="monospace">
                    {fieldId}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" data-testid="jira-field-role-missing">
                    not found{absentNote[role] ? ` — ${absentNote[role]}` : ""}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ProjectDetails({ project }: { project: ProjectSummary }) {
  return (
    <Stack gap="xs">
      <Group gap={6}>
        <Text size="sm" fw={500} w={110}>
          Issue types
        </Text>
        {project.issueTypes.map((type) => (
          <Badge
            key={type.id}
            tt="none"
            variant={type.isEpic ? "filled" : "light"}
            color={type.isEpic ? "violet" : "gray"}
            leftSection={type.isEpic ? "★" : undefined}
            title={type.isEpic ? "The Epic type: use cases become issues of this type" : undefined}
            data-testid="jira-issue-type"
            data-epic={type.isEpic}
          >
            {type.name}
          </Badge>
        ))}
        {project.issueTypes.some((t) => t.isEpic) ? (
          <Text size="xs" c="dimmed">
            ★ Epic type
          </Text>
        ) : (
          <Text size="xs" c="red.7" data-testid="jira-no-epic-type">
            No Epic type found in this project
          </Text>
        )}
      </Group>
      <Group gap={6}>
        <Text size="sm" fw={500} w={110}>
          Statuses
        </Text>
        {project.statuses.map((status) => (
          <Badge key={status.name} tt="none" variant="light" color={categoryColor[status.categoryKey ?? ""] ?? "gray"}>
            {status.name}
          </Badge>
        ))}
      </Group>
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Text size="sm" fw={500} w={110} style={{ flexShrink: 0 }}>
          Boards
        </Text>
        {project.boards.length === 0 ? (
          <Text size="sm" c="dimmed">
            none
          </Text>
        ) : (
          <Stack gap={2}>
            {project.boards.map((board) => (
              <Text size="sm" key={board.id} data-testid="jira-board">
                {board.name} <Text span c="dimmed">({board.type})</Text>
                {board.sprints.length > 0 && ` — sprints: ${board.sprints.map((s) => `${s.name} (${s.state})`).join(", ")}`}
              </Text>
            ))}
          </Stack>
        )}
      </Group>
    </Stack>
  );
}

/** "Refresh metadata" and a compact view of what Tether cached about the Jira site. */
export function MetadataPanel({ workspaceId, projectKeys }: { workspaceId: string; projectKeys: readonly string[] }) {
  const metadata = useJiraMetadata(workspaceId);
  const refresh = useRefreshJiraMetadata(workspaceId);
  const cached = metadata.data;
  const summary = cached && cached.fetchedAt ? summariseMetadata(cached.metadata, projectKeys) : null;
  return (
    <Stack gap="md" data-testid="jira-metadata">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3}>Jira metadata</Title>
          <Text size="sm" c="dimmed" data-testid="jira-metadata-fetched-at">
            {cached?.fetchedAt ? `Pulled at ${formatDateTime(cached.fetchedAt)}` : "Not pulled yet."}
          </Text>
        </div>
        <Button variant="light" loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid="jira-refresh-metadata">
          Refresh metadata
        </Button>
      </Group>
      <ErrorAlert error={refresh.error} title="Jira metadata not refreshed" />
      <ErrorAlert error={metadata.error} title="Could not load the cached metadata" />
      {summary && (
        <Stack gap="md" data-testid="jira-metadata-summary">
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Count label="Projects" value={summary.projectCount} />
            <Count label="Fields" value={summary.fieldCount} />
            <Count label="Custom fields" value={summary.customFieldCount} />
            <Count label="Priorities" value={summary.priorityCount} />
            <Count label="Link types" value={summary.linkTypeCount} />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={600} mb={4}>
              Fields Tether looks for
            </Text>
            <FieldRoles roles={summary.fieldRoles} />
          </div>
          {summary.projects.map(({ key, details }) => (
            <Paper withBorder p="md" key={key} data-testid="jira-metadata-project" data-project={key}>
              <Text fw={600} mb="xs">
                {details ? `${details.key} · ${details.name}` : key}
              </Text>
              {details ? (
                <ProjectDetails project={details} />
              ) : (
                <Text size="sm" c="dimmed">
                  Not in the cache: refresh the metadata.
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
