import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { JiraLink } from "../../../common/contracts/jira-sync.ts";
import { useJiraHealth } from "../../api/jira.ts";
import { useLinkUseCase, useSyncUseCaseNow, useUnlinkUseCase, useUseCaseJira } from "../../api/jira-sync.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { formatDateTime } from "../labels.ts";
import { isSettling, linkStateColor, linkStateLabel } from "./sync-log-format.ts";
import { ConnectionHealthBanner } from "./ConnectionHealth.tsx";
import { SyncLogList } from "./SyncLogList.tsx";

type Props = { workspaceId: string; useCaseId: string };

function LinkForm({ workspaceId, useCaseId, enabled }: Props & { enabled: boolean }) {
  const link = useLinkUseCase(workspaceId, useCaseId);
  const [existing, setExisting] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" disabled={!enabled} loading={link.isPending && "create" in (link.variables ?? {})} onClick={() => link.mutate({ create: true })} data-testid="jira-create-epic">
          Create Epic
        </Button>
        <Button size="xs" variant="default" disabled={!enabled} onClick={() => setExisting(existing === null ? "" : null)} data-testid="jira-link-existing">
          Link existing
        </Button>
      </Group>
      {existing !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            link.mutate({ issueKey: existing.trim().toUpperCase() });
          }}
        >
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label="Issue key" placeholder="TETH-12" value={existing} onChange={(event) => setExisting(event.currentTarget.value)} data-testid="jira-link-key" />
            <Button size="xs" type="submit" disabled={!existing.trim()} loading={link.isPending && "issueKey" in (link.variables ?? {})} data-testid="jira-link-submit">
              Link
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={link.error} title="Not linked" />
    </Stack>
  );
}

function UnlinkButton({ workspaceId, useCaseId, link }: Props & { link: JiraLink }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [deleteInJira, setDeleteInJira] = useState(false);
  const unlink = useUnlinkUseCase(workspaceId, useCaseId);
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={open} data-testid="jira-unlink">
        Unlink
      </Button>
      <Modal opened={opened} onClose={close} title="Unlink from Jira?" centered>
        <Stack>
          <Text size="sm">The use case stops syncing with {link.issueKey ?? "the Epic being created"}. Nothing in Tether is lost.</Text>
          {link.issueKey && (
            <Checkbox
              label={`Also delete ${link.issueKey} in Jira`}
              description="Needs Jira's “Delete Issues” permission. This cannot be undone."
              checked={deleteInJira}
              onChange={(event) => setDeleteInJira(event.currentTarget.checked)}
              data-testid="jira-unlink-delete"
            />
          )}
          <ErrorAlert error={unlink.error} title="Not unlinked" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={unlink.isPending} onClick={() => unlink.mutate({ deleteInJira }, { onSuccess: close })} data-testid="jira-unlink-confirm">
              {deleteInJira ? "Unlink and delete" : "Unlink"}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Re-reads the use case when a sync landed (a change from Jira shows up without a reload). */
function useRefetchOnSync(workspaceId: string, useCaseId: string, lastSyncedAt: string | null | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(lastSyncedAt);
  useEffect(() => {
    if (seen.current === lastSyncedAt) return;
    const newer = lastSyncedAt && (!seen.current || lastSyncedAt > seen.current);
    seen.current = lastSyncedAt;
    if (newer) void queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId, "use-cases", useCaseId], exact: true });
  }, [lastSyncedAt, queryClient, useCaseId, workspaceId]);
}

/** The use case's Jira Epic: link, sync state, actions the caller may take, the last sync-log entries. Nothing for Visitors. */
export function UseCaseJiraPanel({ workspaceId, useCaseId }: Props) {
  const query = useUseCaseJira(workspaceId, useCaseId);
  const sync = useSyncUseCaseNow(workspaceId, useCaseId);
  useRefetchOnSync(workspaceId, useCaseId, query.data?.link?.lastSyncedAt);
  // Only once the panel is there (Visitors get none): the stored health, not a call to Jira.
  const health = useJiraHealth(workspaceId, query.data !== null && query.data !== undefined);
  if (query.isPending || query.data === null) return null;
  if (query.isError) return <ErrorAlert error={query.error} title="Jira state not available" />;
  const { link, abilities, features, recent } = query.data;
  // A workspace that does not use Jira gets no panel on every use case.
  if (!link && !features.toJira && !features.fromJira && !features.issueListing) return null;
  return (
    <Paper withBorder p="md" mt="lg" data-testid="jira-panel" data-state={link?.state ?? "unlinked"}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>Jira</Title>
          {link && (
            <Badge color={linkStateColor[link.state]} variant="light" data-testid="jira-link-state" data-state={link.state}>
              {linkStateLabel[link.state]}
            </Badge>
          )}
        </Group>
        <ConnectionHealthBanner health={health.data?.health} />
        {link ? (
          <>
            <Group gap="xs">
              {link.issueKey && link.issueUrl ? (
                <Anchor href={link.issueUrl} target="_blank" rel="noreferrer" fw={600} data-testid="jira-issue-key">
                  {link.issueKey}
                </Anchor>
              ) : (
                <Text fw={600} data-testid="jira-issue-key">
                  {link.issueKey ?? `Creating an Epic in ${link.projectKey}…`}
                </Text>
              )}
              {link.lastSyncedAt && (
                <Text size="xs" c="dimmed" data-testid="jira-last-synced">
                  synced {formatDateTime(link.lastSyncedAt)}
                </Text>
              )}
            </Group>
            {link.state !== "ok" && link.stateReason && (
              <Alert color={isSettling(link.state) ? "blue" : linkStateColor[link.state]} p="xs" data-testid="jira-state-reason" data-code={link.stateCode ?? undefined}>
                <Text size="sm">{link.stateReason}</Text>
              </Alert>
            )}
            {(abilities.sync || abilities.link) && (
              <Group gap="xs">
                {abilities.sync && (
                  <Button size="xs" variant="light" loading={sync.isPending} onClick={() => sync.mutate(undefined)} data-testid="jira-sync-now">
                    Sync now
                  </Button>
                )}
                {abilities.link && <UnlinkButton workspaceId={workspaceId} useCaseId={useCaseId} link={link} />}
              </Group>
            )}
            <ErrorAlert error={sync.error} title="Not synced" />
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="jira-not-linked">
              Not linked to a Jira issue.
            </Text>
            {abilities.link && (
              <>
                {!features.toJira && <Text size="xs" c="dimmed">“Tether → Jira” is switched off for this workspace; an Admin can switch it on under Settings → Jira.</Text>}
                <LinkForm workspaceId={workspaceId} useCaseId={useCaseId} enabled={features.toJira} />
              </>
            )}
          </>
        )}
        {recent.length > 0 && (
          <div>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              Recent sync
            </Text>
            <SyncLogList entries={recent.slice(0, 5)} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
