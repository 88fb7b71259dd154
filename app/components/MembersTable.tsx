import { Badge, Select, Table, Text } from "@mantine/core";
import type { Member, Role } from "../../common/contracts/workspaces.ts";
import { useRemoveMember, useUpdateMemberRole } from "../api/workspaces.ts";
import { ConfirmRowAction } from "./ConfirmRowAction.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { formatDateTime, roleLabel, roleOptions } from "./labels.ts";

type Props = { workspaceId: string; members: Member[]; manage: boolean; currentUserId: string | undefined };

export function MembersTable({ workspaceId, members, manage, currentUserId }: Props) {
  const updateRole = useUpdateMemberRole(workspaceId);
  const remove = useRemoveMember(workspaceId);
  // A workspace keeps at least one Admin (the server refuses otherwise): say so before the click.
  const adminCount = members.filter((member) => member.role === "admin").length;
  return (
    <>
      <ErrorAlert error={updateRole.error} title="Could not change the role" />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th w={170}>Role</Table.Th>
              <Table.Th w={180}>Joined</Table.Th>
              {manage && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.userId} data-testid="member-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.displayName}
                    {member.userId === currentUserId && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        (you)
                      </Text>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.email}</Text>
                </Table.Td>
                <Table.Td>
                  {manage ? (
                    <Select
                      size="xs"
                      data={roleOptions}
                      value={member.role}
                      allowDeselect={false}
                      aria-label={`Role of ${member.displayName}`}
                      onChange={(role) => role && updateRole.mutate({ userId: member.userId, role: role as Role })}
                      data-testid="member-role"
                    />
                  ) : (
                    <Badge variant="light">{roleLabel[member.role]}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(member.joinedAt)}
                  </Text>
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <ConfirmRowAction
                      label="Remove"
                      title={`Remove ${member.displayName}?`}
                      message="They lose access to this workspace; use cases assigned to them become unassigned."
                      confirmLabel="Remove member"
                      onConfirm={() => remove.mutateAsync(member.userId)}
                      disabledReason={
                        member.role === "admin" && adminCount === 1
                          ? `${member.userId === currentUserId ? "You are" : "This is"} the only Admin: make someone else Admin first.`
                          : undefined
                      }
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
