import { Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useJiraConnection, useRemoveJiraConnection, useSaveJiraConnection } from "../api/jira.ts";
import { ConfirmButton } from "../components/ConfirmButton.tsx";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { canActivateJiraFeatures, canSetUpJira } from "../components/jira/access.ts";
import { ConnectionForm } from "../components/jira/ConnectionForm.tsx";
import { ConnectionTestPanel } from "../components/jira/ConnectionTestPanel.tsx";
import { ConflictsInbox } from "../components/jira/ConflictsInbox.tsx";
import { FeaturesPanel } from "../components/jira/FeaturesPanel.tsx";
import { MappingEditor } from "../components/jira/MappingEditor.tsx";
import { ImportEpicsPanel } from "../components/jira/ImportEpicsPanel.tsx";
import { SyncOperationsPanel } from "../components/jira/SyncOperationsPanel.tsx";
import { MetadataPanel } from "../components/jira/MetadataPanel.tsx";
import { WebhookPanel } from "../components/jira/WebhookPanel.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { NoFormNotice } from "../components/permissions/ReadOnlyNotice.tsx";

/** Workspace settings → Integrations → Jira: Admins and Moderators; others are told so without a request the API would refuse. */
export function JiraSettingsPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  // Until the caller's role is known, nothing is asked of the API.
  if (!workspace) return <PageLoader />;
  if (workspace && !canSetUpJira(workspace.role)) {
    return (
      <NoFormNotice
        title="Jira settings are for Admins and Moderators"
        reason={`You are a ${workspace.role === "visitor" ? "Visitor" : "Member"} in this workspace: the Jira connection, mapping and webhooks are set up by Admins and Moderators. Ask one of them if something in the Jira sync needs changing.`}
        backTo={`/w/${workspaceId}/use-cases`}
        backLabel="Back to the use cases"
      />
    );
  }
  return <JiraSettingsContent />;
}

function JiraSettingsContent() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const query = useJiraConnection(workspaceId);
  const remove = useRemoveJiraConnection(workspaceId);
  const save = useSaveJiraConnection(workspaceId);

  const header = (
    <div>
      <Breadcrumbs separator="→">
        <Text size="sm" c="dimmed">
          Workspace settings
        </Text>
        <Text size="sm" c="dimmed">
          Integrations
        </Text>
        <Text size="sm" c="dimmed">
          Jira
        </Text>
      </Breadcrumbs>
      <Title order={2} mt={4}>
        Jira connection
      </Title>
    </div>
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack gap="lg" maw={1000}>
        {header}
        <ErrorAlert error={query.error} title="Jira settings are not available" />
      </Stack>
    );
  }
  const connection = query.data.connection;
  return (
    <Stack gap="lg" maw={1000} data-testid="jira-settings">
      {header}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3}>Connection</Title>
              <Text size="sm" c="dimmed">
                {connection
                  ? "This workspace's Jira. Credentials are stored encrypted and never shown again."
                  : "Connect this workspace to its own Jira Cloud site or Data Center server."}
              </Text>
            </div>
            {connection && (
              <ConfirmButton
                title="Remove the Jira connection?"
                message="Tether forgets the credentials and the cached Jira metadata. Sync stops until someone connects Jira again."
                confirmLabel="Remove connection"
                onConfirm={async () => {
                  await remove.mutateAsync();
                  save.reset();
                }}
              >
                {(open) => (
                  <Button variant="subtle" color="red" onClick={open} data-testid="jira-remove">
                    Remove connection
                  </Button>
                )}
              </ConfirmButton>
            )}
          </Group>
          {/* A new or removed connection starts the form afresh; the secret input always starts empty. */}
          <ConnectionForm key={connection?.id ?? "new"} connection={connection} save={save} />
        </Stack>
      </Paper>
      {connection && (
        <>
          <Paper withBorder p="lg">
            <ConnectionTestPanel workspaceId={workspaceId} lastTest={connection.lastTest} onTest={() => save.reset()} />
          </Paper>
          <Paper withBorder p="lg">
            <MetadataPanel workspaceId={workspaceId} projectKeys={connection.projectKeys} />
          </Paper>
        </>
      )}
      <Paper withBorder p="lg">
        <FeaturesPanel workspaceId={workspaceId} mayActivate={canActivateJiraFeatures(workspace?.role)} />
      </Paper>
      {connection && (
        <>
          <Paper withBorder p="lg">
            <MappingEditor workspaceId={workspaceId} />
          </Paper>
          {canSetUpJira(workspace?.role) && (
            <Paper withBorder p="lg">
              <WebhookPanel workspaceId={workspaceId} />
            </Paper>
          )}
          <Paper withBorder p="lg">
            <SyncOperationsPanel workspaceId={workspaceId} />
          </Paper>
          <Paper withBorder p="lg">
            <ConflictsInbox workspaceId={workspaceId} />
          </Paper>
          <Paper withBorder p="lg">
            <ImportEpicsPanel workspaceId={workspaceId} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
