import { Stack } from "@mantine/core";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { useStatuses } from "../api/workspaces.ts";
import { boardOrder } from "../api/use-case-board.ts";
import { UseCaseBoard } from "../components/board/UseCaseBoard.tsx";
import { ColumnsMenu } from "../components/custom-fields/ColumnsMenu.tsx";
import { useChosenFields } from "../components/custom-fields/list-columns.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { sortOptions, UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCasesHeader } from "../components/UseCasesHeader.tsx";
import { useFiltersInUrl } from "../components/use-case-filters-url.ts";

const boardSortChoices = [{ value: boardOrder, label: "Board order" }, ...sortOptions];

export function UseCaseBoardPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const statuses = useStatuses(workspaceId);
  const [filters, setFilters] = useFiltersInUrl();
  const role = workspace?.role;
  const { fields, columns, setColumns } = useChosenFields(workspaceId);
  // The server says per use case what this caller may do.
  const mayMove = (useCase: UseCase) => useCase.abilities.update;
  return (
    <Stack gap="md">
      <UseCasesHeader workspaceId={workspaceId} view="board" mayCreate={can.createUseCase(role)} />
      <UseCaseFilterBar workspaceId={workspaceId} filters={filters} onChange={setFilters} sortChoices={boardSortChoices} defaultSort={boardOrder} chosenFields={columns}>
        <ColumnsMenu fields={fields} chosen={columns} onChange={setColumns} />
      </UseCaseFilterBar>
      <ErrorAlert error={statuses.error} title="Could not load the workflow" />
      {statuses.isPending ? (
        <PageLoader />
      ) : statuses.data ? (
        <UseCaseBoard workspaceId={workspaceId} statuses={statuses.data.statuses} filters={filters} mayMove={mayMove} />
      ) : null}
    </Stack>
  );
}
