import { Badge } from "@mantine/core";
import type { Priority, UseCase } from "../../common/contracts/use-cases.ts";
import { priorityColor, priorityLabel, statusBadgeColor } from "./labels.ts";

export function StatusBadge({ status }: { status: UseCase["status"] }) {
  return (
    <Badge color={statusBadgeColor(status)} variant="light" data-testid="status-badge" data-tone={statusBadgeColor(status)}>
      {status.name}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge color={priorityColor[priority]} variant="dot">
      {priorityLabel[priority]}
    </Badge>
  );
}
