import { Badge, Group, Paper, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import type { CustomField } from "../../common/contracts/custom-fields.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { customFieldText } from "./custom-fields/CustomFieldInput.tsx";
import { formatDate, formatDateTime, visibilityLabel } from "./labels.ts";
import { Markdown } from "./Markdown.tsx";
import { PriorityBadge, StatusBadge } from "./UseCaseBadges.tsx";

const none = (
  <Text span c="dimmed" size="sm">
    –
  </Text>
);
const orNone = (value: number | string | null): ReactNode => (value === null || value === "" ? none : value);

/** The use case's fields beside its description. */
export function UseCaseFacts({
  useCase,
  customFields = [],
  memberNames = new Map(),
}: {
  useCase: UseCase;
  customFields?: readonly CustomField[];
  memberNames?: ReadonlyMap<string, string>;
}) {
  const memberName = (id: string) => memberNames.get(id) ?? "A former member";
  const rows: [string, ReactNode][] = [
    ["Status", <StatusBadge status={useCase.status} />],
    ["Assignee", useCase.assignee?.displayName ?? none],
    ["Members", useCase.members.length ? useCase.members.map((m) => m.displayName).join(", ") : none],
    ["Priority", <PriorityBadge priority={useCase.priority} />],
    [
      "Tags",
      useCase.tags.length ? (
        <Group gap={4}>
          {useCase.tags.map((tag) => (
            <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      ) : (
        none
      ),
    ],
    ["Target date", useCase.targetDate ? formatDate(useCase.targetDate) : none],
    ["Business value", orNone(useCase.businessValue)],
    ["Time criticality", orNone(useCase.timeCriticality)],
    ["Risk reduction", orNone(useCase.riskReduction)],
    ["Job size", orNone(useCase.jobSize)],
    ["WSJF", <Text span fw={600} size="sm" data-testid="detail-wsjf">{orNone(useCase.wsjf)}</Text>],
    ["Story points", orNone(useCase.storyPoints)],
    ...customFields
      .filter((field) => !field.archived || useCase.customFields[field.key] !== undefined)
      .map((field): [string, ReactNode] => {
        const value = useCase.customFields[field.key];
        // Long text holds Markdown, like the description.
        if (field.type === "longText" && typeof value === "string" && value.trim()) return [field.name, <Markdown source={value} />];
        return [field.name, customFieldText(field, value, memberName) ?? none];
      }),
    ["Visibility", visibilityLabel[useCase.visibility]],
    ["Created", formatDateTime(useCase.createdAt)],
    ["Updated", formatDateTime(useCase.updatedAt)],
  ];
  return (
    <Paper withBorder>
      <Table variant="vertical" layout="fixed" withRowBorders data-testid="use-case-facts">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
