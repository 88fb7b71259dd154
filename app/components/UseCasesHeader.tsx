import { Button, Group, Title } from "@mantine/core";
import { Link } from "react-router";
import { UseCaseViewSwitch, type UseCaseView } from "./UseCaseViewSwitch.tsx";

/** The heading the use-case list and board share: title, List | Board switch, and "New use case" for those who may create. */
export function UseCasesHeader({ workspaceId, view, mayCreate }: { workspaceId: string; view: UseCaseView; mayCreate: boolean }) {
  return (
    <Group justify="space-between">
      <Group gap="md">
        <Title order={2}>Use cases</Title>
        <UseCaseViewSwitch workspaceId={workspaceId} view={view} />
      </Group>
      {mayCreate && (
        <Button component={Link} to={`/w/${workspaceId}/use-cases/new`} data-testid="new-use-case">
          New use case
        </Button>
      )}
    </Group>
  );
}
