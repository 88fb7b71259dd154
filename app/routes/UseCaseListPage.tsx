import { Button, Center, Paper, Stack, Text } from "@mantine/core";
import { useUseCaseList } from "../api/use-cases.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCaseTable } from "../components/UseCaseTable.tsx";
import { UseCasesHeader } from "../components/UseCasesHeader.tsx";
import { useFiltersInUrl } from "../components/use-case-filters-url.ts";

export function UseCaseListPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const [filters, setFilters] = useFiltersInUrl();
  const list = useUseCaseList(workspaceId, filters);
  const useCases = list.data?.pages.flatMap((page) => page.useCases) ?? [];
  return (
    <Stack gap="md">
      <UseCasesHeader workspaceId={workspaceId} view="list" mayCreate={can.createUseCase(workspace?.role)} />
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
