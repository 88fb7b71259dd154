import { Anchor, Button, Center, Paper, Stack } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Link } from "react-router";
import { useUseCaseList } from "../api/use-cases.ts";
import { ColumnsMenu } from "../components/custom-fields/ColumnsMenu.tsx";
import { useChosenFields } from "../components/custom-fields/list-columns.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { UseCaseCards } from "../components/UseCaseCards.tsx";
import { UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCaseListEmpty } from "../components/UseCaseListEmpty.tsx";
import { UseCaseTable } from "../components/UseCaseTable.tsx";
import { UseCasesHeader } from "../components/UseCasesHeader.tsx";
import { useFiltersInUrl } from "../components/use-case-filters-url.ts";

/** Below Mantine's `sm` breakpoint (48em): cards instead of the table. */
const phoneQuery = "(max-width: 47.99em)";

export function UseCaseListPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const [filters, setFilters, filtersReady] = useFiltersInUrl();
  const list = useUseCaseList(workspaceId, filters, filtersReady);
  const onPhone = useMediaQuery(phoneQuery, false, { getInitialValueInEffect: false });
  const useCases = list.data?.pages.flatMap((page) => page.useCases) ?? [];
  const { fields, columns, setColumns, memberName } = useChosenFields(workspaceId);
  const mayCreate = can.createUseCase(workspace?.role);
  const filtered = [filters.status, filters.assignee, filters.tag, filters.q, filters.cf?.length].some(Boolean);
  // A workspace that cannot be read (unknown, or not a member) shows only why.
  if (list.isError) {
    return (
      <ErrorAlert error={list.error} title="Could not load use cases">
        <Anchor component={Link} to="/" display="block" mt="xs" data-testid="back-home">
          Go to your workspaces
        </Anchor>
      </ErrorAlert>
    );
  }
  return (
    <Stack gap="md">
      <UseCasesHeader workspaceId={workspaceId} view="list" mayCreate={mayCreate} />
      <UseCaseFilterBar workspaceId={workspaceId} filters={filters} onChange={setFilters} chosenFields={columns}>
        <ColumnsMenu fields={fields} chosen={columns} onChange={setColumns} />
      </UseCaseFilterBar>
      {list.isPending ? (
        <PageLoader />
      ) : useCases.length === 0 ? (
        <UseCaseListEmpty workspaceId={workspaceId} filtered={filtered} mayCreate={mayCreate} onClearFilters={() => setFilters({ sort: filters.sort })} />
      ) : onPhone ? (
        <UseCaseCards workspaceId={workspaceId} useCases={useCases} columns={columns} memberName={memberName} />
      ) : (
        <Paper withBorder>
          <UseCaseTable workspaceId={workspaceId} useCases={useCases} columns={columns} memberName={memberName} />
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
