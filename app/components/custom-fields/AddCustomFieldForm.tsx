import { Button, Checkbox, Group, Select, Stack, TagsInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { CustomFieldType } from "../../../common/contracts/custom-fields.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import type { useCreateCustomField } from "../../api/custom-fields.ts";
import { customFieldTypeLabel, keyFromName } from "./labels.ts";

/** Adds a field at the end of the template; the key is proposed from the name and fixed once saved. */
export function AddCustomFieldForm({ create }: { create: ReturnType<typeof useCreateCustomField> }) {
  const [name, setName] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const [type, setType] = useState<CustomFieldType>("shortText");
  const [required, setRequired] = useState(false);
  const [options, setOptions] = useState<string[]>([]);
  const withOptions = type === "singleSelect" || type === "multiSelect";
  const submit = () =>
    create.mutate(
      { name, key: key ?? keyFromName(name), type, required, ...(withOptions ? { options: options.map((label) => ({ label })) } : {}) },
      {
        onSuccess: () => {
          setName("");
          setKey(null);
          setOptions([]);
          setRequired(false);
        },
      },
    );
  return (
    <Stack gap="xs" data-testid="add-custom-field">
      <ErrorAlert error={create.error} title="Could not add the field" />
      <Group align="flex-end" grow>
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="new-field-name" />
        <TextInput label="Key" value={key ?? keyFromName(name)} onChange={(e) => setKey(e.currentTarget.value)} data-testid="new-field-key" />
        <Select
          label="Type"
          allowDeselect={false}
          data={CustomFieldType.options.map((value) => ({ value, label: customFieldTypeLabel[value] }))}
          value={type}
          onChange={(value) => value && setType(value as CustomFieldType)}
          data-testid="new-field-type"
        />
      </Group>
      {withOptions && <TagsInput label="Options" placeholder="Type an option and press Enter" value={options} onChange={setOptions} data-testid="new-field-options" />}
      <Group justify="space-between">
        <Checkbox label="Required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
        <Button onClick={submit} loading={create.isPending} disabled={!name.trim()} data-testid="new-field-submit">
          Add field
        </Button>
      </Group>
    </Stack>
  );
}
