import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { type UseCaseFilters, useUseCaseList } from "../api/use-cases.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCaseTable } from "../components/UseCaseTable.tsx";

const filterNames = ["status", "assignee", "tag", "q", "sort"] as const;

/** Filters live in the URL so a filtered list can be bookmarked and shared. */
function useFiltersInUrl(): [UseCaseFilters, (filters: UseCaseFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: UseCaseFilters = {};
  for (const name of filterNames) filters[name] = params.get(name) ?? undefined;
  const setFilters = (next: UseCaseFilters) => {
    const search = new URLSearchParams();
    for (const name of filterNames) {
      const value = next[name];
      if (value) search.set(name, value);
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}

export function UseCaseListPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const [filters, setFilters] = useFiltersInUrl();
  const list = useUseCaseList(workspaceId, filters);
  const useCases = list.data?.pages.flatMap((page) => page.useCases) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Use cases</Title>
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
