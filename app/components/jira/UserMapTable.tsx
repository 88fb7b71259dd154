import { Alert, Button, CloseButton, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import type { MappingResponse, UserMapEntry } from "../../../common/contracts/jira-mapping.ts";
import type { Member } from "../../../common/contracts/workspaces.ts";

type Props = {
  value: UserMapEntry[];
  onChange: (next: UserMapEntry[]) => void;
  members: Member[];
  unmatched: MappingResponse["unmatchedUsers"];
  rowProblems: Record<string, string[]>;
  disabled: boolean;
};

/**
 * Manual member → Jira user entries (Cloud accountId, Data Center username). Members matched by a
 * unique email need none; the ones Tether could not match are listed to add.
 */
export function UserMapTable({ value, onChange, members, unmatched, rowProblems, disabled }: Props) {
  const update = (index: number, change: Partial<UserMapEntry>) => onChange(value.map((e, i) => (i === index ? { ...e, ...change } : e)));
  const mapped = new Set(value.map((e) => e.userId));
  const toAdd = unmatched.filter((u) => !mapped.has(u.userId));
  const memberOptions = members.map((m) => ({ value: m.userId, label: `${m.displayName} (${m.email})` }));
  return (
    <Stack gap="xs" data-testid="jira-user-map">
      {toAdd.length > 0 && (
        <Alert color="yellow" title="Members without a Jira user" data-testid="jira-unmatched-users">
          <Text size="sm" mb="xs">
            Their assignments are not carried until they have one: no Jira user has their email, or several do.
          </Text>
          <Stack gap={4}>
            {toAdd.map((user) => (
              <Group key={user.userId} gap="xs" data-testid="jira-unmatched-user">
                <Text size="sm">
                  {user.displayName} <Text span c="dimmed">({user.email})</Text>
                </Text>
                <Button size="compact-xs" variant="light" disabled={disabled} onClick={() => onChange([...value, { userId: user.userId, jiraUserId: "", jiraDisplayName: "" }])}>
                  Map manually
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {value.length > 0 && (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Member</Table.Th>
              <Table.Th>Jira user id</Table.Th>
              <Table.Th>Jira name</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((entry, index) => {
              const problems = rowProblems[`userMap.${index}`] ?? [];
              return (
                <Table.Tr key={index} data-testid="jira-user-map-row" data-invalid={problems.length > 0}>
                  <Table.Td>
                    <Select aria-label="Member" data={memberOptions} value={entry.userId} searchable allowDeselect={false} disabled={disabled} onChange={(userId) => userId && update(index, { userId })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label="Jira user id"
                      placeholder="accountId or username"
                      value={entry.jiraUserId}
                      disabled={disabled}
                      onChange={(event) => update(index, { jiraUserId: event.currentTarget.value })}
                      error={problems.length > 0 ? problems.join(" ") : undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label="Jira display name" value={entry.jiraDisplayName} disabled={disabled} onChange={(event) => update(index, { jiraDisplayName: event.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <CloseButton aria-label="Remove this entry" disabled={disabled} onClick={() => onChange(value.filter((_, i) => i !== index))} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button size="xs" variant="subtle" disabled={disabled || members.length === 0} onClick={() => onChange([...value, { userId: members[0]?.userId ?? "", jiraUserId: "", jiraDisplayName: "" }])} data-testid="jira-user-map-add">
          Add a manual entry
        </Button>
      </Group>
    </Stack>
  );
}
