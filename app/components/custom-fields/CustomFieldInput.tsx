import { Checkbox, MultiSelect, NumberInput, Select, Slider, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";
import { sliderRange } from "../../../common/custom-fields/values.ts";

type Props = {
  field: CustomField;
  value: unknown;
  onChange: (value: unknown) => void;
  members: readonly { value: string; label: string }[];
  error?: string | undefined;
  disabled?: boolean;
};

const asString = (value: unknown) => (typeof value === "string" ? value : "");
const asStrings = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

/** One custom field as the control its type calls for; `null` means no value. */
export function CustomFieldInput({ field, value, onChange, members, error, disabled = false }: Props) {
  const common = { label: field.name, ...(field.helpText ? { description: field.helpText } : {}), withAsterisk: field.required, ...(error ? { error } : {}), disabled, "data-testid": `custom-field-${field.key}` };
  const options = field.options.map((o) => ({ value: o.id, label: o.label }));
  switch (field.type) {
    case "shortText":
      return <TextInput {...common} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case "longText":
      return <Textarea {...common} autosize minRows={3} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          {...(field.min !== null ? { min: field.min } : {})}
          {...(field.max !== null ? { max: field.max } : {})}
          {...(field.decimals !== null ? { decimalScale: field.decimals } : {})}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "slider": {
      const range = sliderRange(field);
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {field.name} {typeof value === "number" ? `(${value})` : "(not set)"}
          </Text>
          <Slider
            min={range.min}
            max={range.max}
            step={range.step}
            disabled={disabled}
            value={typeof value === "number" ? value : range.min}
            onChange={(v) => onChange(v)}
            data-testid={common["data-testid"]}
          />
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    case "checkbox": {
      // Checkbox has no withAsterisk: passed on, it lands on the DOM element (React warns).
      const { withAsterisk, ...checkbox } = common;
      return <Checkbox {...checkbox} label={withAsterisk ? `${field.name} *` : field.name} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    }
    case "date":
      return <DateInput {...common} clearable valueFormat="YYYY-MM-DD" value={asString(value) || null} onChange={(v) => onChange(v || null)} />;
    case "singleSelect":
      return <Select {...common} clearable data={options} value={asString(value) || null} onChange={(v) => onChange(v)} />;
    case "multiSelect":
      return <MultiSelect {...common} clearable data={options} value={asStrings(value)} onChange={(v) => onChange(v.length ? v : null)} />;
    case "tags":
      return <TagsInput {...common} value={asStrings(value)} onChange={(v) => onChange(v.length ? v : null)} />;
    case "person":
      return <Select {...common} clearable searchable data={[...members]} value={asString(value) || null} onChange={(v) => onChange(v)} />;
  }
}

/** A value as text for the detail page and list cells. */
export function customFieldText(field: CustomField, value: unknown, memberName: (id: string) => string): string | null {
  if (value === null || value === undefined) return null;
  const label = (id: string) => field.options.find((o) => o.id === id)?.label ?? id;
  switch (field.type) {
    case "checkbox":
      return value === true ? "Yes" : "No";
    case "singleSelect":
      return label(String(value));
    case "multiSelect":
      return asStrings(value).map(label).join(", ");
    case "tags":
      return asStrings(value).join(", ");
    case "person":
      return memberName(String(value));
    default:
      return String(value);
  }
}
