import { Group, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import type { CustomField } from "../../common/contracts/custom-fields.ts";
import type { UseCaseFilters } from "../api/use-cases.ts";
import { useMembers, useStatuses } from "../api/workspaces.ts";
import { CustomFieldFilter } from "./custom-fields/CustomFieldFilter.tsx";
import { sortableTypes } from "./custom-fields/list-columns.ts";

export const sortOptions = [
  { value: "-updated", label: "Recently updated" },
  { value: "updated", label: "Least recently updated" },
  { value: "-wsjf", label: "Highest WSJF" },
  { value: "-priority", label: "Highest priority" },
  { value: "title", label: "Title A–Z" },
  { value: "-created", label: "Newest" },
  { value: "targetDate", label: "Target date" },
];

/** Two filters side by side on a phone (the group's gap is `sm`, 12 px). */
const half = "calc(50% - 6px)";

type Props = {
  workspaceId: string;
  filters: UseCaseFilters;
  onChange: (filters: UseCaseFilters) => void;
  /** The board adds its own order (the one users drag into) and uses it by default. */
  sortChoices?: readonly { value: string; label: string }[];
  defaultSort?: string;
  /** Custom fields the user chose as columns: each gets a filter and two sort choices. */
  chosenFields?: readonly CustomField[];
  /** Shown at the end of the bar (the Columns menu). */
  children?: ReactNode;
};

export function UseCaseFilterBar({ workspaceId, filters, onChange, sortChoices = sortOptions, defaultSort = "-updated", chosenFields = [], children }: Props) {
  const statuses = useStatuses(workspaceId);
  const members = useMembers(workspaceId);
  const [text, setText] = useState(filters.q ?? "");
  const [tag, setTag] = useState(filters.tag ?? "");
  const commitText = useDebouncedCallback((q: string) => onChange({ ...filters, q }), 300);
  const commitTag = useDebouncedCallback((value: string) => onChange({ ...filters, tag: value }), 300);
  const sortData = [
    ...sortChoices,
    ...chosenFields
      .filter((field) => sortableTypes.has(field.type))
      .flatMap((field) => [
        { value: `cf.${field.key}`, label: `${field.name} ↑` },
        { value: `-cf.${field.key}`, label: `${field.name} ↓` },
      ]),
  ];
  const assigneeOptions = [
    { value: "me", label: "Assigned to me" },
    { value: "none", label: "Unassigned" },
    ...(members.data?.members.map((m) => ({ value: m.userId, label: m.displayName })) ?? []),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Title or description"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          commitText(event.currentTarget.value);
        }}
        w={{ base: "100%", sm: 240 }}
        data-testid="filter-search"
      />
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        data={statuses.data?.statuses.map((s) => ({ value: s.id, label: s.name })) ?? []}
        value={filters.status ?? null}
        onChange={(status) => onChange({ ...filters, status: status ?? undefined })}
        w={{ base: half, sm: 170 }}
        data-testid="filter-status"
      />
      <Select
        label="Assignee"
        placeholder="Anyone"
        clearable
        searchable
        data={assigneeOptions}
        value={filters.assignee ?? null}
        onChange={(assignee) => onChange({ ...filters, assignee: assignee ?? undefined })}
        w={{ base: half, sm: 190 }}
        data-testid="filter-assignee"
      />
      <TextInput
        label="Tag"
        placeholder="Any tag"
        value={tag}
        onChange={(event) => {
          setTag(event.currentTarget.value);
          commitTag(event.currentTarget.value.trim());
        }}
        w={{ base: half, sm: 150 }}
        data-testid="filter-tag"
      />
      <Select
        label="Sort"
        data={sortData}
        value={filters.sort ?? defaultSort}
        onChange={(sort) => onChange({ ...filters, sort: sort ?? undefined })}
        allowDeselect={false}
        w={{ base: half, sm: 200 }}
        data-testid="filter-sort"
      />
      {chosenFields.map((field) => (
        <CustomFieldFilter key={field.id} field={field} filters={filters.cf ?? []} onChange={(cf) => onChange({ ...filters, cf })} />
      ))}
      {children}
    </Group>
  );
}
