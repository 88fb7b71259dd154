import { Stack } from "@mantine/core";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { useSession } from "../api/session.ts";
import { useStatuses } from "../api/workspaces.ts";
import { UseCaseBoard } from "../components/board/UseCaseBoard.tsx";
import { can, canEditUseCase, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { UseCaseFilterBar } from "../components/UseCaseFilterBar.tsx";
import { UseCasesHeader } from "../components/UseCasesHeader.tsx";
import { useFiltersInUrl } from "../components/use-case-filters-url.ts";

export function UseCaseBoardPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const session = useSession();
  const statuses = useStatuses(workspaceId);
  const [filters, setFilters] = useFiltersInUrl();
  const role = workspace?.role;
  const userId = session.data?.user.id;
  const mayMove = (useCase: UseCase) => canEditUseCase(role, userId, useCase);
  return (
    <Stack gap="md">
      <UseCasesHeader workspaceId={workspaceId} view="board" mayCreate={can.createUseCase(role)} />
      <UseCaseFilterBar workspaceId={workspaceId} filters={filters} onChange={setFilters} />
      <ErrorAlert error={statuses.error} title="Could not load the workflow" />
      {statuses.isPending ? (
        <PageLoader />
      ) : statuses.data ? (
        <UseCaseBoard workspaceId={workspaceId} statuses={statuses.data.statuses} filters={filters} mayMove={mayMove} />
      ) : null}
    </Stack>
  );
}
