import { Anchor, Badge, Table, Text } from "@mantine/core";
import type { EpicIssue } from "../../../common/contracts/jira-listing.ts";

const categoryColor = { new: "gray", indeterminate: "blue", done: "green" } as const;

export function EpicIssuesTable({ issues }: { issues: EpicIssue[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="epic-issues-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Summary</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Points</Table.Th>
            <Table.Th>Sprint</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={issue.key} data-testid="epic-issue-row">
              <Table.Td>
                <Anchor href={issue.url} target="_blank" rel="noreferrer" size="sm">
                  {issue.key}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.summary}</Text>
              </Table.Td>
              <Table.Td>
                {/* No Jira-hosted icon: the CSP allows only our own images, and Jira serves them behind its login. */}
                <Text size="sm">{issue.issueType?.name ?? "—"}</Text>
              </Table.Td>
              <Table.Td>{issue.status ? <Badge color={issue.status.category ? categoryColor[issue.status.category] : "gray"} variant="light">{issue.status.name}</Badge> : "—"}</Table.Td>
              <Table.Td>
                <Text size="sm" c={issue.assignee ? "inherit" : "dimmed"}>
                  {issue.assignee?.displayName ?? "Unassigned"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.priority ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.storyPoints ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.sprint ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.updated ? new Date(issue.updated).toLocaleDateString() : "—"}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
