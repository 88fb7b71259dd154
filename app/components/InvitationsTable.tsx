import { Badge, Table, Text, Title } from "@mantine/core";
import { useInvitations, useRevokeInvitation } from "../api/invitations.ts";
import { ConfirmRowAction } from "./ConfirmRowAction.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime, roleLabel } from "./labels.ts";

export function InvitationsTable({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitations(workspaceId);
  const revoke = useRevokeInvitation(workspaceId);
  const now = Date.now();
  const open = invitations.data?.invitations.filter((i) => i.acceptedAt === null && Date.parse(i.expiresAt) > now) ?? [];
  return (
    <>
      <Title order={4}>Open invitations</Title>
      <ErrorAlert error={invitations.error} title="Could not load invitations" />
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          No open invitations.
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="invitations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((invitation) => (
              <Table.Tr key={invitation.id} data-testid="invitation-row">
                <Table.Td>{invitation.email ?? <Text c="dimmed" size="sm">Anyone with the link</Text>}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{roleLabel[invitation.role]}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(invitation.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
                <Table.Td ta="right">
                  <ConfirmRowAction
                    label="Revoke"
                    title="Revoke this invitation?"
                    message="The link stops working right away."
                    confirmLabel="Revoke"
                    onConfirm={() => revoke.mutateAsync(invitation.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
