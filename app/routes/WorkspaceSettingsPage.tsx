import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Role } from "../../common/contracts/workspaces.ts";
import { useReplaceStatuses } from "../api/workspace-settings.ts";
import { useStatuses } from "../api/workspaces.ts";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { canSetUpJira } from "../components/jira/access.ts";
import { PageLoader } from "../components/PageLoader.tsx";
import { WorkflowEditor } from "../components/workflow/WorkflowEditor.tsx";
import { WorkspaceNameForm } from "../components/WorkspaceNameForm.tsx";
import { CustomFieldsEditor } from "../components/custom-fields/CustomFieldsEditor.tsx";
import { AuditLogPanel } from "../components/AuditLogPanel.tsx";

/** Mirrors server/policies/roles.ts ("workspace.update", "statuses.manage"); the server decides anyway. */
const mayRename = (role: Role | undefined) => role === "admin";
const mayManageWorkflow = (role: Role | undefined) => role === "admin" || role === "moderator";

/** Workspace settings: name (Admins), the use-case workflow (Admins, Moderators), and the way to integrations. */
export function WorkspaceSettingsPage() {
  const { workspaceId, workspace, isPending } = useCurrentWorkspace();
  const statuses = useStatuses(workspaceId);
  const save = useReplaceStatuses(workspaceId);
  const role = workspace?.role;

  if (isPending) return <PageLoader />;
  if (!workspace || !mayManageWorkflow(role)) {
    return (
      <Stack gap="lg" maw={900}>
        <Title order={2}>Workspace settings</Title>
        <Text c="dimmed" data-testid="workspace-settings-denied">
          Only the workspace’s Admins and Moderators can change its settings.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={900} data-testid="workspace-settings">
      <Title order={2}>Workspace settings</Title>
      {mayRename(role) && (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={3}>General</Title>
            <WorkspaceNameForm workspaceId={workspaceId} name={workspace.name} />
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <div>
            <Title order={3}>Use-case workflow</Title>
            <Text size="sm" c="dimmed">
              The statuses a use case moves through, in board order. The category tells reports and the Jira status mapping
              whether a status means not started, in progress, finished (Done, green) or stopped (Rejected, Cancelled: closed
              without success, red).
            </Text>
          </div>
          <ErrorAlert error={statuses.error} title="Could not load the workflow" />
          {statuses.isPending ? (
            <PageLoader />
          ) : statuses.data ? (
            <WorkflowEditor
              key={JSON.stringify(statuses.data.statuses)}
              workspaceId={workspaceId}
              statuses={statuses.data.statuses}
              save={save}
            />
          ) : null}
        </Stack>
      </Paper>
      {mayRename(role) && (
        <Paper withBorder p="lg">
          <CustomFieldsEditor workspaceId={workspaceId} />
        </Paper>
      )}
      {canSetUpJira(role) && (
        <Paper withBorder p="lg">
          <Stack gap="xs">
            <Title order={3}>Integrations</Title>
            <Anchor component={Link} to={`/w/${workspaceId}/settings/jira`} data-testid="settings-jira-link">
              Integrations → Jira
            </Anchor>
            <Text size="sm" c="dimmed">
              Connect this workspace to Jira, test its permissions, and choose which integration features are on.
            </Text>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <AuditLogPanel workspaceId={workspaceId} />
      </Paper>
    </Stack>
  );
}
