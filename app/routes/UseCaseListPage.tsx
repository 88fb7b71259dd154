import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useUseCaseList } from "../api/use-cases.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCaseTable } from "../components/UseCaseTable.tsx";
import { UseCaseViewSwitch } from "../components/UseCaseViewSwitch.tsx";
import { useFiltersInUrl } from "../components/use-case-filters-url.ts";

export function UseCaseListPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const [filters, setFilters] = useFiltersInUrl();
  const list = useUseCaseList(workspaceId, filters);
  const useCases = list.data?.pages.flatMap((page) => page.useCases) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="md">
          <Title order={2}>Use cases</Title>
          <UseCaseViewSwitch workspaceId={workspaceId} view="list" />
        </Group>
        {can.createUseCase(workspace?.role) && (
          <Button component={Link} to={`/w/${workspaceId}/use-cases/new`} data-testid="new-use-case">
            New use case
          </Button>
        )}
      </Group>
      <UseCaseFilterBar workspaceId={workspaceId} filters={filters} onChange={setFilters} />
      <ErrorAlert error={list.error} title="Could not load use cases" />
      {list.isPending ? (
        <PageLoader />
      ) : useCases.length === 0 ? (
        <Paper withBorder p="xl">
          <Center>
            <Text c="dimmed" data-testid="use-case-list-empty">
              No use cases match these filters.
            </Text>
          </Center>
        </Paper>
      ) : (
        <Paper withBorder>
          <UseCaseTable workspaceId={workspaceId} useCases={useCases} />
        </Paper>
      )}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
