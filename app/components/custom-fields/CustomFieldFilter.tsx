import { Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import type { CustomField } from "../../../common/contracts/custom-fields.ts";

type Props = { field: CustomField; filters: readonly string[]; onChange: (filters: string[]) => void };

/** The value of `<key>:<op>:<value>` among the filters, if there. */
export function cfValue(filters: readonly string[], key: string, op: string): string | undefined {
  const prefix = `${key}:${op}:`;
  return filters.find((f) => f.startsWith(prefix))?.slice(prefix.length);
}

/** The filters with `<key>:<op>` replaced by the value (or dropped when empty). */
export function withCf(filters: readonly string[], key: string, op: string, value: string | undefined): string[] {
  const prefix = `${key}:${op}:`;
  const rest = filters.filter((f) => !f.startsWith(prefix));
  return value === undefined || value === "" ? rest : [...rest, `${prefix}${value}`];
}

/** One filter control for a chosen custom field, shaped by its type. */
export function CustomFieldFilter({ field, filters, onChange }: Props) {
  const testId = `filter-cf-${field.key}`;
  const set = (op: string, value: string | undefined) => onChange(withCf(filters, field.key, op, value));
  switch (field.type) {
    case "singleSelect":
    case "multiSelect":
      return (
        <Select label={field.name} placeholder="Any" clearable data={field.options.map((o) => ({ value: o.id, label: o.label }))}
          value={cfValue(filters, field.key, "is") ?? null} onChange={(v) => set("is", v ?? undefined)} w={{ base: "100%", sm: 170 }} data-testid={testId} />
      );
    case "checkbox":
      return (
        <Select label={field.name} placeholder="Any" clearable data={[{ value: "true", label: "Yes" }, { value: "false", label: "No" }]}
          value={cfValue(filters, field.key, "is") ?? null} onChange={(v) => set("is", v ?? undefined)} w={{ base: "100%", sm: 120 }} data-testid={testId} />
      );
    case "number":
    case "slider":
      return <RangeFilter field={field} filters={filters} set={set} kind="number" />;
    case "date":
      return <RangeFilter field={field} filters={filters} set={set} kind="date" />;
    case "shortText":
    case "longText":
    case "tags":
      return <ContainsFilter field={field} filters={filters} set={set} />;
    default:
      return null;
  }
}

type Setter = { field: CustomField; filters: readonly string[]; set: (op: string, value: string | undefined) => void };

function RangeFilter({ field, filters, set, kind }: Setter & { kind: "number" | "date" }) {
  const commit = useDebouncedCallback(set, 400);
  const input = (op: "gte" | "lte", label: string) =>
    kind === "number" ? (
      <NumberInput label={`${field.name} ${label}`} defaultValue={cfValue(filters, field.key, op) ?? ""} w={110}
        onChange={(v) => commit(op, v === "" ? undefined : String(v))} data-testid={`filter-cf-${field.key}-${op}`} />
    ) : (
      <TextInput type="date" label={`${field.name} ${label}`} defaultValue={cfValue(filters, field.key, op) ?? ""} w={150}
        onChange={(e) => set(op, e.currentTarget.value || undefined)} data-testid={`filter-cf-${field.key}-${op}`} />
    );
  return (
    <Group gap={6} wrap="nowrap" align="flex-end">
      {input("gte", "from")}
      {input("lte", "to")}
    </Group>
  );
}

function ContainsFilter({ field, filters, set }: Setter) {
  const op = field.type === "tags" ? "is" : "contains";
  const [text, setText] = useState(cfValue(filters, field.key, op) ?? "");
  const commit = useDebouncedCallback((value: string) => set(op, value.trim() || undefined), 300);
  return (
    <TextInput label={field.name} placeholder={field.type === "tags" ? "Has tag" : "Contains"} value={text} w={{ base: "100%", sm: 160 }}
      onChange={(e) => { setText(e.currentTarget.value); commit(e.currentTarget.value); }} data-testid={`filter-cf-${field.key}`} />
  );
}
