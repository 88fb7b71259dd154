import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Divider, Grid, Stack, Text, Title } from "@mantine/core";
import { useCreateCustomField, useCustomFields, useReorderCustomFields, useUpdateCustomField } from "../../api/custom-fields.ts";
import { useMembers } from "../../api/workspaces.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { PageLoader } from "../PageLoader.tsx";
import { useState } from "react";
import { AddCustomFieldForm } from "./AddCustomFieldForm.tsx";
import { CustomFieldInput } from "./CustomFieldInput.tsx";
import { FieldSettingsDialog } from "./FieldSettingsDialog.tsx";
import { ModeratorsSwitch } from "./ModeratorsSwitch.tsx";
import { SortableFieldRow } from "./SortableFieldRow.tsx";

/** The use-case template under workspace settings: add, reorder by drag, rename, archive, and a preview of the form. */
export function CustomFieldsEditor({ workspaceId }: { workspaceId: string }) {
  const fields = useCustomFields(workspaceId);
  const members = useMembers(workspaceId);
  const create = useCreateCustomField(workspaceId);
  const update = useUpdateCustomField(workspaceId);
  const reorder = useReorderCustomFields(workspaceId);
  const [editing, setEditing] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  if (fields.isPending) return <PageLoader />;
  const list = fields.data?.customFields ?? [];
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = list.map((f) => f.id);
    reorder.mutate(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  const busy = update.isPending || reorder.isPending;
  const memberOptions = members.data?.members.map((m) => ({ value: m.userId, label: m.displayName })) ?? [];
  return (
    <Stack gap="md" data-testid="custom-fields-editor">
      <div>
        <Title order={3}>Use-case template</Title>
        <Text size="sm" c="dimmed">
          Fields every use case of this workspace carries besides the built-in ones. Drag to reorder; archiving hides a field from forms and keeps its values.
        </Text>
      </div>
      <ModeratorsSwitch workspaceId={workspaceId} />
      <ErrorAlert error={fields.error ?? update.error ?? reorder.error} title="Could not change the template" />
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={list.map((f) => f.id)} strategy={verticalListSortingStrategy}>
          <Stack gap={6}>
            {list.map((field) => (
              <SortableFieldRow
                key={`${field.id}-${field.version}`}
                field={field}
                busy={busy}
                onRename={(name) => update.mutate({ fieldId: field.id, body: { name } })}
                onArchive={(archived) => update.mutate({ fieldId: field.id, body: { archived } })}
                onEdit={() => setEditing(field.id)}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      {list.map((field) =>
        field.id === editing ? <FieldSettingsDialog key={`${field.id}-${field.version}`} workspaceId={workspaceId} field={field} onClose={() => setEditing(null)} /> : null,
      )}
      <AddCustomFieldForm create={create} />
      {list.some((f) => !f.archived) && (
        <>
          <Divider label="Preview of the form" labelPosition="left" />
          <Grid gap="sm" data-testid="custom-fields-preview">
            {list
              .filter((f) => !f.archived)
              .map((field) => (
                <Grid.Col key={field.id} span={{ base: 12, md: 6 }}>
                  <CustomFieldInput field={field} value={null} onChange={() => undefined} members={memberOptions} disabled />
                </Grid.Col>
              ))}
          </Grid>
        </>
      )}
    </Stack>
  );
}
