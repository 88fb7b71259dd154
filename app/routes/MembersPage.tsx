import { Divider, Paper, Stack, Title } from "@mantine/core";
import { useSession } from "../api/session.ts";
import { useMembers } from "../api/workspaces.ts";
import { can, useCurrentWorkspace } from "../components/current-workspace.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { InvitationsTable } from "../components/InvitationsTable.tsx";
import { InvitePanel } from "../components/InvitePanel.tsx";
import { MembersTable } from "../components/MembersTable.tsx";
import { PageLoader } from "../components/PageLoader.tsx";

export function MembersPage() {
  const { workspaceId, workspace } = useCurrentWorkspace();
  const session = useSession();
  const members = useMembers(workspaceId);
  const manage = can.manageMembers(workspace?.role);
  return (
    <Stack gap="lg">
      <Title order={2}>{manage ? "Members & roles" : "Members"}</Title>
      <ErrorAlert error={members.error} title="Could not load members" />
      {members.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder>
          <MembersTable
            workspaceId={workspaceId}
            members={members.data?.members ?? []}
            manage={manage}
            currentUserId={session.data?.user.id}
          />
        </Paper>
      )}
      {manage && (
        <Paper withBorder p="lg">
          <Stack gap="md">
            <InvitePanel workspaceId={workspaceId} />
            <Divider />
            <InvitationsTable workspaceId={workspaceId} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
