import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { type CustomField, CustomFieldType, ConversionFailure } from "../../../common/contracts/custom-fields.ts";
import { useUpdateCustomField } from "../../api/custom-fields.ts";
import { ApiError } from "../../api/client.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { customFieldTypeLabel } from "./labels.ts";
import { OptionsEditor } from "./OptionsEditor.tsx";

type Props = { workspaceId: string; field: CustomField; onClose: () => void };

const toNumber = (value: string | number): number | null => (value === "" ? null : Number(value));

/** The values that would not convert, from a 409 custom_field_conversion_failed. */
function conversionFailures(error: unknown): ConversionFailure[] {
  if (!(error instanceof ApiError) || error.code !== "custom_field_conversion_failed") return [];
  const details = error.details as { failures?: unknown } | undefined;
  const parsed = ConversionFailure.array().safeParse(details?.failures);
  return parsed.success ? parsed.data : [];
}

/** Everything about one field besides its name and place: type, help text, required, number rules, options. */
export function FieldSettingsDialog({ workspaceId, field, onClose }: Props) {
  const update = useUpdateCustomField(workspaceId);
  const [type, setType] = useState(field.type);
  const [helpText, setHelpText] = useState(field.helpText);
  const [required, setRequired] = useState(field.required);
  const [min, setMin] = useState<string | number>(field.min ?? "");
  const [max, setMax] = useState<string | number>(field.max ?? "");
  const [decimals, setDecimals] = useState<string | number>(field.decimals ?? "");
  const [step, setStep] = useState<string | number>(field.step ?? "");
  const numeric = type === "number" || type === "slider";
  const failures = conversionFailures(update.error);
  const save = () =>
    update.mutate(
      {
        fieldId: field.id,
        body: {
          helpText,
          required,
          ...(type !== field.type ? { type } : {}),
          ...(numeric ? { min: toNumber(min), max: toNumber(max) } : {}),
          ...(type === "number" ? { decimals: toNumber(decimals) } : {}),
          ...(type === "slider" ? { step: toNumber(step) } : {}),
        },
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={`Field “${field.name}”`} size="lg">
      <Stack gap="sm" data-testid="field-settings">
        <Select
          label="Type"
          data={CustomFieldType.options.map((value) => ({ value, label: customFieldTypeLabel[value] }))}
          value={type}
          onChange={(value) => value && setType(value as CustomFieldType)}
          allowDeselect={false}
          description="Existing values are converted; a change that would lose any is refused."
          data-testid="field-type"
        />
        <Textarea label="Help text" value={helpText} onChange={(e) => setHelpText(e.currentTarget.value)} autosize minRows={2} data-testid="field-help" />
        <Checkbox label="Required" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} data-testid="field-required" />
        {numeric && (
          <Group grow>
            <NumberInput label="Minimum" value={min} onChange={setMin} data-testid="field-min" />
            <NumberInput label="Maximum" value={max} onChange={setMax} data-testid="field-max" />
            {type === "number" ? (
              <NumberInput label="Decimals" min={0} max={6} value={decimals} onChange={setDecimals} data-testid="field-decimals" />
            ) : (
              <NumberInput label="Step" min={0} value={step} onChange={setStep} data-testid="field-step" />
            )}
          </Group>
        )}
        {failures.length > 0 ? (
          <Alert color="red" title="These values would not convert" data-testid="conversion-failures">
            <List size="sm">
              {failures.map((failure) => (
                <List.Item key={failure.useCaseId}>
                  {failure.key}: {JSON.stringify(failure.value)} — {failure.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorAlert error={update.error} title="Could not save the field" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={save} loading={update.isPending} data-testid="field-save">
            Save
          </Button>
        </Group>
        {(field.type === "singleSelect" || field.type === "multiSelect") && <OptionsEditor workspaceId={workspaceId} field={field} />}
      </Stack>
    </Modal>
  );
}
