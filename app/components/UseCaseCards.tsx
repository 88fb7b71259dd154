import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { CustomField } from "../../common/contracts/custom-fields.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { CustomFieldLines, type MemberName } from "./custom-fields/CustomFieldCells.tsx";
import { formatDate } from "./labels.ts";
import { PriorityBadge, StatusBadge } from "./UseCaseBadges.tsx";

/** The use-case list on phones: one card per use case instead of a table wider than the screen. */
type Props = { workspaceId: string; useCases: UseCase[]; columns?: readonly CustomField[]; memberName?: MemberName };

export function UseCaseCards({ workspaceId, useCases, columns = [], memberName = (id) => id }: Props) {
  return (
    <Stack gap="sm" data-testid="use-case-cards">
      {useCases.map((useCase) => (
        <Paper key={useCase.id} withBorder p="sm" data-testid="use-case-row" component="article">
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" ff="monospace" style={{ whiteSpace: "nowrap" }}>
              {useCase.key}
            </Text>
            <Anchor component={Link} to={`/w/${workspaceId}/use-cases/${useCase.id}`} fw={500} data-testid="use-case-link">
              {useCase.title}
            </Anchor>
          </Group>
          <Group gap="xs" mt="xs">
            <StatusBadge status={useCase.status} />
            <PriorityBadge priority={useCase.priority} />
            <Text size="sm">WSJF {useCase.wsjf ?? "–"}</Text>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {useCase.assignee?.displayName ?? "Unassigned"}
            {useCase.targetDate ? ` · due ${formatDate(useCase.targetDate)}` : ""}
          </Text>
          <CustomFieldLines fields={columns} useCase={useCase} memberName={memberName} />
          {useCase.tags.length > 0 && (
            <Group gap={4} mt={4}>
              {useCase.tags.map((tag) => (
                <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
