import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { useCustomFields } from "../api/custom-fields.ts";
import { useUseCase } from "../api/use-cases.ts";
import { useMembers } from "../api/workspaces.ts";
import { useCurrentWorkspace } from "../components/current-workspace.ts";
import { CommentsPanel } from "../components/CommentsPanel.tsx";
import { DeleteUseCaseButton } from "../components/DeleteUseCaseButton.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { HistoryPanel } from "../components/HistoryPanel.tsx";
import { UseCaseJiraPanel } from "../components/jira/UseCaseJiraPanel.tsx";
import { EpicIssues } from "../components/jira/EpicIssues.tsx";
import { seesEpicIssues, seesJira } from "../components/jira/access.ts";
import { Markdown } from "../components/Markdown.tsx";
import { PageLoader } from "../components/PageLoader.tsx";
import { ReadOnlyNotice } from "../components/permissions/ReadOnlyNotice.tsx";
import { UseCaseFacts } from "../components/UseCaseFacts.tsx";
import classes from "./UseCaseDetailPage.module.css";

export function UseCaseDetailPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const { useCaseId = "" } = useParams();
  const navigate = useNavigate();
  const query = useUseCase(workspaceId, useCaseId);
  const customFields = useCustomFields(workspaceId).data?.customFields ?? [];
  const members = useMembers(workspaceId).data?.members ?? [];
  const listPath = `/w/${workspaceId}/use-cases`;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <ErrorAlert error={query.error} title="Could not load the use case">
        <Anchor component={Link} to={listPath} display="block" mt="xs" data-testid="back-to-list">
          Back to the use cases
        </Anchor>
      </ErrorAlert>
    );
  }
  const useCase = query.data.useCase;
  // What this caller may do is decided by the server (useCase.abilities), never re-decided here.
  const { abilities } = useCase;

  return (
    <Stack gap="md" data-testid="use-case-detail">
      <Breadcrumbs>
        <Anchor component={Link} to={listPath} size="sm">
          Use cases
        </Anchor>
        <Text size="sm" c="dimmed">
          {useCase.key}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={2} data-testid="use-case-detail-title" className={classes.title}>
          {useCase.title}
        </Title>
        {(abilities.update || abilities.delete) && (
          <Group gap="xs" wrap="nowrap">
            {abilities.update && (
              <Button component={Link} to={`${listPath}/${useCase.id}/edit`} variant="default" data-testid="edit-use-case">
                Edit
              </Button>
            )}
            {abilities.delete ? (
              <DeleteUseCaseButton workspaceId={workspaceId} useCase={useCase} onDeleted={() => navigate(listPath)} />
            ) : null}
          </Group>
        )}
      </Group>
      <ReadOnlyNotice role={workspace?.role} abilities={abilities} />
      <Grid gap="lg">
        {/* On phones the facts (status, priority, WSJF) come first, before the description and comments. */}
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" data-testid="use-case-description">
              <Markdown source={useCase.description} />
            </Paper>
            <Tabs defaultValue="comments">
              <Tabs.List>
                <Tabs.Tab value="comments">Comments</Tabs.Tab>
                <Tabs.Tab value="history" data-testid="history-tab">
                  History
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="comments" pt="md">
                <CommentsPanel workspaceId={workspaceId} useCaseId={useCase.id} canComment={abilities.comment} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <HistoryPanel workspaceId={workspaceId} useCaseId={useCase.id} />
              </Tabs.Panel>
            </Tabs>
            {seesEpicIssues(workspace?.role, abilities) && <EpicIssues workspaceId={workspaceId} useCaseId={useCase.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <UseCaseFacts useCase={useCase} customFields={customFields} memberNames={new Map(members.map((m) => [m.userId, m.displayName]))} />
          {seesJira(workspace?.role) && <UseCaseJiraPanel workspaceId={workspaceId} useCaseId={useCase.id} />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
