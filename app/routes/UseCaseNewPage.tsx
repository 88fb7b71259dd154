import { Stack, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { useCreateUseCase } from "../api/use-cases.ts";
import { useStatuses } from "../api/workspaces.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { NoFormNotice } from "../components/permissions/ReadOnlyNotice.tsx";
import { UseCaseForm } from "../components/UseCaseForm.tsx";
import { createBody, emptyUseCaseForm } from "../components/use-case-form-values.ts";

export function UseCaseNewPage() {
  const { workspaceId, workspace, isPending } = useCurrentWorkspace();
  const navigate = useNavigate();
  const statuses = useStatuses(workspaceId);
  const createUseCase = useCreateUseCase(workspaceId);
  if (statuses.isPending || isPending) return <PageLoader />;
  if (workspace && !can.createUseCase(workspace.role)) {
    return (
      <NoFormNotice
        title="You cannot create use cases here"
        reason="You are a Visitor in this workspace: you can read use cases, but only Admins, Moderators and Members create them."
        backTo={`/w/${workspaceId}/use-cases`}
        backLabel="Back to use cases"
      />
    );
  }
  const firstStatus = statuses.data?.statuses[0]?.id ?? null;
  return (
    <Stack>
      <Title order={2}>New use case</Title>
      <UseCaseForm
        workspaceId={workspaceId}
        initialValues={emptyUseCaseForm(firstStatus)}
        submitLabel="Create use case"
        submitting={createUseCase.isPending}
        notice={<ErrorAlert error={createUseCase.error ?? statuses.error} title="Could not create the use case" />}
        onCancel={() => navigate(`/w/${workspaceId}/use-cases`)}
        onSubmit={(values) =>
          createUseCase.mutate(createBody(values), {
            onSuccess: ({ useCase }) => navigate(`/w/${workspaceId}/use-cases/${useCase.id}`),
          })
        }
      />
    </Stack>
  );
}
