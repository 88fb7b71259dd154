import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { CustomField } from "../../common/contracts/custom-fields.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { CustomFieldValue, type MemberName } from "./custom-fields/CustomFieldCells.tsx";
import { formatDate, formatDateTime } from "./labels.ts";
import { PriorityBadge, StatusBadge } from "./UseCaseBadges.tsx";

type Props = { workspaceId: string; useCases: UseCase[]; columns?: readonly CustomField[]; memberName?: MemberName };

export function UseCaseTable({ workspaceId, useCases, columns = [], memberName = (id) => id }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="use-case-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Key</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={140}>Status</Table.Th>
            <Table.Th w={160}>Assignee</Table.Th>
            <Table.Th w={110}>Priority</Table.Th>
            <Table.Th w={70} ta="right">
              WSJF
            </Table.Th>
            <Table.Th w={120}>Target date</Table.Th>
            {columns.map((field) => (
              <Table.Th key={field.id} w={140} data-testid={`column-header-${field.key}`}>
                {field.name}
              </Table.Th>
            ))}
            <Table.Th w={180}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {useCases.map((useCase) => (
            <Table.Tr key={useCase.id} data-testid="use-case-row">
              <Table.Td>
                <Text size="sm" c="dimmed" ff="monospace">
                  {useCase.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/w/${workspaceId}/use-cases/${useCase.id}`} fw={500} data-testid="use-case-link">
                  {useCase.title}
                </Anchor>
                {useCase.tags.length > 0 && (
                  <Group gap={4} mt={4}>
                    {useCase.tags.map((tag) => (
                      <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={useCase.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={useCase.assignee ? "inherit" : "dimmed"}>
                  {useCase.assignee?.displayName ?? "Unassigned"}
                </Text>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={useCase.priority} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{useCase.wsjf ?? "–"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{useCase.targetDate ? formatDate(useCase.targetDate) : "–"}</Text>
              </Table.Td>
              {columns.map((field) => (
                <Table.Td key={field.id}>
                  <CustomFieldValue field={field} useCase={useCase} memberName={memberName} />
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(useCase.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
