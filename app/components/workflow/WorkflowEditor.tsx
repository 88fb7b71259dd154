import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useRef, useState } from "react";
import { StatusCategory, type UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import type { useReplaceStatuses } from "../../api/workspace-settings.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { RemovalConflict } from "./RemovalConflict.tsx";
import { statusColor } from "../labels.ts";
import {
  addStatus,
  draftFromStatuses,
  draftToBody,
  isDraftChanged,
  maxStatuses,
  moveStatus,
  removeStatus,
  updateStatus,
  validateDraft,
} from "./workflow-draft.ts";

export const statusCategoryLabel: Record<StatusCategory, string> = { todo: "To do", in_progress: "In progress", done: "Done", stopped: "Stopped" };
const categoryOptions = StatusCategory.options.map((value) => ({ value, label: statusCategoryLabel[value] }));

type Props = { workspaceId: string; statuses: UseCaseStatus[]; save: ReturnType<typeof useReplaceStatuses> };

/**
 * Edits the whole ordered workflow locally; Save sends it in one PUT. Give it a `key` that changes with
 * the saved statuses so a successful save (or someone else's) starts a fresh draft.
 */
export function WorkflowEditor({ workspaceId, statuses, save }: Props) {
  const [draft, setDraft] = useState(() => draftFromStatuses(statuses));
  const newKeys = useRef(0);
  const { byKey, overall } = validateDraft(draft);
  const changed = isDraftChanged(draft, statuses);
  const edit = (next: typeof draft) => {
    setDraft(next);
    save.reset();
  };
  const keptIds = new Set(draft.map((s) => s.id));
  const removed = statuses.filter((s) => !keptIds.has(s.id));

  return (
    <Stack gap="sm" data-testid="workflow-editor">
      {draft.map((status, index) => (
        <Group key={status.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="workflow-row">
          <Badge variant="light" color={statusColor[status.category]} w={36} mt={8} px={0} style={{ flexShrink: 0 }}>
            {index + 1}
          </Badge>
          <TextInput
            aria-label={`Name of status ${index + 1}`}
            placeholder="Status name"
            value={status.name}
            error={byKey.get(status.key)}
            onChange={(event) => edit(updateStatus(draft, status.key, { name: event.currentTarget.value }))}
            style={{ flex: 1 }}
            data-testid="status-name"
          />
          <Select
            aria-label={`Category of status ${index + 1}`}
            data={categoryOptions}
            value={status.category}
            allowDeselect={false}
            onChange={(value) => {
              const category = StatusCategory.safeParse(value);
              if (category.success) edit(updateStatus(draft, status.key, { category: category.data }));
            }}
            w={150}
            data-testid="status-category"
          />
          <Group gap={4} wrap="nowrap" mt={4}>
            <Tooltip label="Move up" openDelay={400}>
              <ActionIcon
                variant="default"
                aria-label="Move up"
                disabled={index === 0}
                onClick={() => edit(moveStatus(draft, index, -1))}
                data-testid="status-up"
              >
                ↑
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down" openDelay={400}>
              <ActionIcon
                variant="default"
                aria-label="Move down"
                disabled={index === draft.length - 1}
                onClick={() => edit(moveStatus(draft, index, 1))}
                data-testid="status-down"
              >
                ↓
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove" openDelay={400}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Remove"
                disabled={draft.length === 1}
                onClick={() => edit(removeStatus(draft, status.key))}
                data-testid="status-remove"
              >
                ✕
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          disabled={draft.length >= maxStatuses}
          onClick={() => edit(addStatus(draft, `new-${(newKeys.current += 1)}`))}
          data-testid="workflow-add"
        >
          Add status
        </Button>
      </Group>
      {overall && <Text c="red" size="sm">{overall}</Text>}
      {removed.length > 0 && (
        <Alert color="yellow" data-testid="workflow-removing">
          Saving removes {removed.map((s) => `“${s.name}”`).join(", ")}. A status that still holds use cases cannot be removed: move them
          first.
        </Alert>
      )}
      <ErrorAlert error={save.error} title="The workflow was not saved">
        <RemovalConflict error={save.error} workspaceId={workspaceId} statuses={statuses} />
      </ErrorAlert>
      {save.isSuccess && !changed && (
        <Alert color="green" data-testid="workflow-saved">
          Workflow saved.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" disabled={!changed} onClick={() => edit(draftFromStatuses(statuses))} data-testid="workflow-reset">
          Discard changes
        </Button>
        <Button
          disabled={!changed || byKey.size > 0 || overall !== null}
          loading={save.isPending}
          onClick={() => save.mutate(draftToBody(draft))}
          data-testid="workflow-save"
        >
          Save workflow
        </Button>
      </Group>
    </Stack>
  );
}
