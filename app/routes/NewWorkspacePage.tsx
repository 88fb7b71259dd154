import { Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { WorkspaceName } from "../../common/contracts/workspaces.ts";
import { useCreateWorkspace, useWorkspaces } from "../api/workspaces.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { zodFieldError } from "../components/zod-field.ts";

export function NewWorkspacePage() {
  const navigate = useNavigate();
  const workspaces = useWorkspaces();
  const createWorkspace = useCreateWorkspace();
  const form = useForm({ initialValues: { name: "" }, validate: { name: zodFieldError(WorkspaceName, "Give the workspace a name.") } });
  const first = workspaces.data?.workspaces.length === 0;
  return (
    <Paper withBorder p="xl" maw={520} mx="auto" mt="xl">
      <form
        onSubmit={form.onSubmit(({ name }) =>
          createWorkspace.mutate(name, { onSuccess: ({ workspace }) => navigate(`/w/${workspace.id}/use-cases`) }),
        )}
      >
        <Stack>
          <div>
            <Title order={2}>{first ? "Create your first workspace" : "Create a workspace"}</Title>
            <Text c="dimmed" size="sm" mt={4}>
              A workspace holds your team's use cases, its members and its Jira connection. You will be its Admin.
            </Text>
          </div>
          <ErrorAlert error={createWorkspace.error} title="Could not create the workspace" />
          <TextInput label="Workspace name" placeholder="e.g. Innovation portfolio" data-testid="workspace-name" {...form.getInputProps("name")} />
          <Button type="submit" loading={createWorkspace.isPending} data-testid="workspace-create-submit">
            Create workspace
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
