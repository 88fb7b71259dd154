import { Button } from "@mantine/core";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { useDeleteUseCase } from "../api/use-cases.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";

export function DeleteUseCaseButton({ workspaceId, useCase, onDeleted }: { workspaceId: string; useCase: UseCase; onDeleted: () => void }) {
  const remove = useDeleteUseCase(workspaceId, useCase.id);
  return (
    <ConfirmButton
      title={`Delete ${useCase.key}?`}
      message={`“${useCase.title}” and its comments and history will be deleted. This cannot be undone.`}
      confirmLabel="Delete use case"
      onConfirm={() => remove.mutateAsync().then(onDeleted)}
    >
      {(open) => (
        <Button color="red" variant="light" onClick={open} data-testid="delete-use-case">
          Delete
        </Button>
      )}
    </ConfirmButton>
  );
}
