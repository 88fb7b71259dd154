import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Badge, Button, Group, Paper, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";
import { customFieldTypeLabel } from "./labels.ts";

type Props = { field: CustomField; busy: boolean; onRename: (name: string) => void; onArchive: (archived: boolean) => void; onEdit: () => void };

/** One field of the template: drag handle, name (edited in place), type, and archive / restore. */
export function SortableFieldRow({ field, busy, onRename, onArchive, onEdit }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: field.id });
  const [name, setName] = useState(field.name);
  return (
    <Paper ref={setNodeRef} withBorder p="xs" style={{ transform: CSS.Transform.toString(transform), transition }} data-testid={`custom-field-row-${field.key}`}>
      <Group wrap="nowrap" gap="sm">
        <ActionIcon variant="subtle" color="gray" aria-label={`Drag ${field.name}`} {...attributes} {...listeners}>
          ⋮⋮
        </ActionIcon>
        <TextInput
          aria-label={`Name of ${field.key}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => name.trim() && name.trim() !== field.name && onRename(name.trim())}
          disabled={busy}
          style={{ flex: 1 }}
        />
        <Text size="xs" c="dimmed" ff="monospace">
          {field.key}
        </Text>
        <Badge variant="light">{customFieldTypeLabel[field.type]}</Badge>
        {field.required && <Badge color="orange" variant="light">required</Badge>}
        {field.archived && <Badge color="gray">archived</Badge>}
        <Button size="xs" variant="default" disabled={busy} onClick={onEdit} data-testid={`edit-field-${field.key}`}>
          Edit
        </Button>
        <Button size="xs" variant="default" disabled={busy} onClick={() => onArchive(!field.archived)}>
          {field.archived ? "Restore" : "Archive"}
        </Button>
      </Group>
    </Paper>
  );
}
