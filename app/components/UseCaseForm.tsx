import "@mantine/dates/styles.css";
import { Button, Grid, Group, MultiSelect, Paper, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import type { KeyboardEvent, ReactNode } from "react";
import { useCustomFields } from "../api/custom-fields.ts";
import { useMembers, useStatuses } from "../api/workspaces.ts";
import { CustomFieldInput } from "./custom-fields/CustomFieldInput.tsx";
import { DescriptionEditor } from "./DescriptionEditor.tsx";
import { priorityOptions, visibilityOptions } from "./labels.ts";
import type { UseCaseFormValues } from "./use-case-form-values.ts";
import { WsjfFields } from "./WsjfFields.tsx";

type Props = {
  workspaceId: string;
  initialValues: UseCaseFormValues;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (values: UseCaseFormValues) => void;
  onCancel: () => void;
  /** Errors and notices shown above the form. */
  notice?: ReactNode;
};

/**
 * Enter in a one-line field must not submit a half-filled form (the browser's implicit
 * submission); Ctrl/Cmd+Enter submits from anywhere. Fields handle Enter themselves first
 * (tags, selects, dates), since their handlers run before this one bubbles up to the form.
 */
function submitOnlyWithModifier(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  } else if (event.target instanceof HTMLInputElement) {
    event.preventDefault();
  }
}

export function UseCaseForm({ workspaceId, initialValues, submitLabel, submitting, onSubmit, onCancel, notice }: Props) {
  const statuses = useStatuses(workspaceId);
  const members = useMembers(workspaceId);
  const customFields = (useCustomFields(workspaceId).data?.customFields ?? []).filter((f) => !f.archived);
  const form = useForm<UseCaseFormValues>({
    initialValues,
    validate: {
      title: (v) => (v.trim() ? (v.length > 200 ? "Use at most 200 characters." : null) : "Give the use case a title."),
    },
  });
  const memberOptions = members.data?.members.map((m) => ({ value: m.userId, label: m.displayName })) ?? [];
  return (
    <form onSubmit={form.onSubmit(onSubmit)} onKeyDown={submitOnlyWithModifier} data-testid="use-case-form">
      <Stack>
        {notice}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack>
              {/* The form is opened to write a use case: start in its title. */}
              <TextInput label="Title" withAsterisk autoFocus data-testid="use-case-title" {...form.getInputProps("title")} />
              <DescriptionEditor
                value={form.getValues().description}
                onChange={(event) => form.setFieldValue("description", event.currentTarget.value)}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Select
                  label="Status"
                  data={statuses.data?.statuses.map((s) => ({ value: s.id, label: s.name })) ?? []}
                  allowDeselect={false}
                  data-testid="use-case-status"
                  {...form.getInputProps("statusId")}
                />
                <Select label="Assignee" placeholder="Unassigned" clearable searchable data={memberOptions} {...form.getInputProps("assigneeId")} />
                <MultiSelect label="Members" placeholder="Add people" searchable data={memberOptions} {...form.getInputProps("memberIds")} />
                <Select label="Priority" data={priorityOptions} allowDeselect={false} {...form.getInputProps("priority")} />
                <TagsInput label="Tags" placeholder="Type and press Enter" data-testid="use-case-tags" {...form.getInputProps("tags")} />
                <DateInput label="Target date" placeholder="No target date" clearable valueFormat="YYYY-MM-DD" {...form.getInputProps("targetDate")} />
                <Select label="Visibility" data={visibilityOptions} allowDeselect={false} {...form.getInputProps("visibility")} />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={12}>
            <WsjfFields form={form} />
          </Grid.Col>
          {customFields.length > 0 && (
            <Grid.Col span={12}>
              <Paper withBorder p="md" data-testid="use-case-custom-fields">
                <Grid gap="sm">
                  {customFields.map((field) => (
                    <Grid.Col key={field.id} span={{ base: 12, md: field.type === "longText" ? 12 : 6 }}>
                      <CustomFieldInput
                        field={field}
                        members={memberOptions}
                        value={form.getValues().customFields[field.key] ?? null}
                        onChange={(value) => form.setFieldValue("customFields", { ...form.getValues().customFields, [field.key]: value })}
                      />
                    </Grid.Col>
                  ))}
                </Grid>
              </Paper>
            </Grid.Col>
          )}
        </Grid>
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">
            Ctrl+Enter (⌘+Enter) to {submitLabel.toLowerCase()}
          </Text>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} data-testid="use-case-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
