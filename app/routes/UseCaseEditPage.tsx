import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { useUpdateUseCase, useUseCase } from "../api/use-cases.ts";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { NoFormNotice, readOnlyReason } from "../components/permissions/ReadOnlyNotice.tsx";
import { UseCaseForm } from "../components/UseCaseForm.tsx";
import { formValuesOf, updateBody } from "../components/use-case-form-values.ts";

export function UseCaseEditPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const { useCaseId = "" } = useParams();
  const navigate = useNavigate();
  const useCase = useUseCase(workspaceId, useCaseId);
  const update = useUpdateUseCase(workspaceId, useCaseId);
  // Bumped after a reload so the form starts again from the freshly loaded use case.
  const [formGeneration, setFormGeneration] = useState(0);
  const detailPath = `/w/${workspaceId}/use-cases/${useCaseId}`;

  if (useCase.isPending) return <PageLoader />;
  if (useCase.isError) return <ErrorAlert error={useCase.error} title="Could not load the use case" />;
  const current = useCase.data.useCase;
  if (!current.abilities.update) {
    const reason = readOnlyReason(workspace?.role, { update: false, comment: current.abilities.comment }) ?? "";
    return <NoFormNotice title={`You cannot edit ${current.key}`} reason={reason} backTo={detailPath} backLabel={`Back to ${current.key}`} />;
  }
  const conflict = isApiError(update.error, "version_conflict");

  const reload = async () => {
    await useCase.refetch();
    update.reset();
    setFormGeneration((n) => n + 1);
  };

  const notice = conflict ? (
    <Alert color="orange" title="Someone else saved this use case first" data-testid="version-conflict">
      <Text size="sm" mb="sm">
        Your changes were not saved. Reload to see the latest version, then make your changes again.
      </Text>
      <Button size="xs" color="orange" onClick={reload}>
        Reload latest version
      </Button>
    </Alert>
  ) : (
    <ErrorAlert error={update.error} title="Could not save" />
  );

  return (
    <Stack>
      <Title order={2}>
        Edit {current.key}
      </Title>
      <UseCaseForm
        key={`${current.id}-${formGeneration}`}
        workspaceId={workspaceId}
        initialValues={formValuesOf(current)}
        submitLabel="Save changes"
        submitting={update.isPending}
        notice={notice}
        onCancel={() => navigate(detailPath)}
        onSubmit={(values) => {
          const body = updateBody(current, values);
          if (Object.keys(body).length === 1) return navigate(detailPath);
          update.mutate(body, { onSuccess: () => navigate(detailPath) });
        }}
      />
    </Stack>
  );
}
