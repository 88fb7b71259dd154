import { Button, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";

type Props = { workspaceId: string; filtered: boolean; mayCreate: boolean; onClearFilters: () => void };

/** An empty list says why: nothing matches the filters, or the workspace has no use case yet. */
export function UseCaseListEmpty({ workspaceId, filtered, mayCreate, onClearFilters }: Props) {
  if (filtered) {
    return (
      <Paper withBorder p="xl">
        <Stack align="center" gap="sm">
          <Text c="dimmed" data-testid="use-case-list-empty">
            No use cases match these filters.
          </Text>
          <Button variant="default" onClick={onClearFilters} data-testid="clear-filters">
            Clear filters
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl">
      <Stack align="center" gap="sm" data-testid="use-case-list-first">
        <Text fw={500}>No use cases yet.</Text>
        <Text c="dimmed" size="sm" ta="center">
          {mayCreate
            ? "Capture an idea, score it with WSJF, and take it to Jira when it is ready."
            : "Use cases appear here once someone with the Member role or above creates one."}
        </Text>
        {mayCreate && (
          <Button component={Link} to={`/w/${workspaceId}/use-cases/new`} data-testid="create-first-use-case">
            Create your first use case
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
