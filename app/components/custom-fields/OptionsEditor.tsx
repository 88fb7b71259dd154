import { ActionIcon, Button, Divider, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { type CustomField, type CustomFieldOption, OptionColor } from "../../../common/contracts/custom-fields.ts";
import { ApiError } from "../../api/client.ts";
import { useRemoveCustomFieldOption, useUpdateCustomField } from "../../api/custom-fields.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

type Color = CustomFieldOption["color"];
type Draft = { id?: string; label: string; color: Color };
type Props = { workspaceId: string; field: CustomField };

const colorData = OptionColor.options.map((value) => ({ value, label: value }));

/** A select field's options: add, rename, recolour, reorder (saved together), and remove (asking what happens to values that hold it). */
export function OptionsEditor({ workspaceId, field }: Props) {
  const update = useUpdateCustomField(workspaceId);
  const remove = useRemoveCustomFieldOption(workspaceId);
  const [drafts, setDrafts] = useState<Draft[]>(field.options.map(({ id, label, color }: CustomFieldOption) => ({ id, label, color })));
  const [removing, setRemoving] = useState<CustomFieldOption | null>(null);
  const [replaceWith, setReplaceWith] = useState<string | null>(null);
  const edit = (index: number, change: Partial<Draft>) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const move = (index: number, by: number) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    setDrafts(next);
  };
  const removeOption = (option: CustomFieldOption, how: { replaceWith?: string; clear?: boolean } = {}) =>
    remove.mutate(
      { fieldId: field.id, optionId: option.id, ...how },
      {
        onSuccess: () => {
          setRemoving(null);
          setDrafts(drafts.filter((d) => d.id !== option.id));
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === "custom_field_option_in_use") setRemoving(option);
        },
      },
    );
  const inUse = removing !== null;
  return (
    <Stack gap="xs" data-testid="options-editor">
      <Divider label="Options" labelPosition="left" />
      {drafts.map((draft, index) => (
        <Group key={draft.id ?? `new-${index}`} gap="xs" wrap="nowrap" data-testid="option-row">
          <TextInput aria-label={`Option ${index + 1}`} value={draft.label} onChange={(e) => edit(index, { label: e.currentTarget.value })} style={{ flex: 1 }} />
          <Select aria-label={`Colour of option ${index + 1}`} data={colorData} value={draft.color} onChange={(c) => c && edit(index, { color: c as Color })} allowDeselect={false} w={110} />
          <ActionIcon variant="default" aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" aria-label="Move down" disabled={index === drafts.length - 1} onClick={() => move(index, 1)}>
            ↓
          </ActionIcon>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={remove.isPending && remove.variables.optionId === draft.id}
            onClick={() => {
              const saved = field.options.find((o) => o.id === draft.id);
              if (saved) removeOption(saved);
              else setDrafts(drafts.filter((_, i) => i !== index));
            }}
            data-testid="option-remove"
          >
            Remove
          </Button>
        </Group>
      ))}
      {inUse && (
        <Stack gap="xs" p="xs" bg="var(--mantine-color-yellow-light)" data-testid="option-in-use">
          <Text size="sm">Use cases hold “{removing.label}”. Replace it with another option, or clear it from them.</Text>
          <Group gap="xs">
            <Select
              aria-label="Replace with"
              placeholder="Replace with…"
              data={field.options.filter((o) => o.id !== removing.id).map((o) => ({ value: o.id, label: o.label }))}
              value={replaceWith}
              onChange={setReplaceWith}
              data-testid="option-replace-with"
            />
            <Button size="xs" disabled={!replaceWith} onClick={() => replaceWith && removeOption(removing, { replaceWith })} data-testid="option-replace">
              Replace and remove
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => removeOption(removing, { clear: true })} data-testid="option-clear">
              Clear and remove
            </Button>
            <Button size="xs" variant="default" onClick={() => setRemoving(null)}>
              Keep it
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert error={inUse ? null : (remove.error ?? update.error)} title="Could not change the options" />
      <Group justify="space-between">
        <Button size="xs" variant="default" onClick={() => setDrafts([...drafts, { label: `Option ${drafts.length + 1}`, color: "gray" }])} data-testid="option-add">
          Add option
        </Button>
        <Button size="xs" loading={update.isPending} disabled={drafts.some((d) => !d.label.trim())} onClick={() => update.mutate({ fieldId: field.id, body: { options: drafts } })} data-testid="options-save">
          Save options
        </Button>
      </Group>
    </Stack>
  );
}
