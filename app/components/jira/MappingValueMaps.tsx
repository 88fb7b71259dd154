import { Checkbox, Select, Table, Text } from "@mantine/core";
import type { PriorityMapEntry, StatusMapEntry } from "../../../common/contracts/jira-mapping.ts";
import type { JiraPriorityMeta, JiraStatusMeta } from "../../../common/contracts/jira-metadata.ts";
import { Priority } from "../../../common/contracts/use-cases.ts";
import type { UseCaseStatus } from "../../../common/contracts/workspaces.ts";
import type { z } from "zod";
import { priorityLabel } from "../labels.ts";
import { markPreferred } from "./mapping-draft.ts";

type Row = { key: string; label: string; index: number; jiraId: string | null; preferred: boolean };
type ValueTableProps = {
  testId: string;
  tetherHeader: string;
  rows: Row[];
  options: { value: string; label: string }[];
  rowProblems: Record<string, string[]>;
  section: "statusMap" | "priorityMap";
  disabled: boolean;
  onPick: (row: Row, jiraId: string | null) => void;
  onPreferred: (row: Row, preferred: boolean) => void;
};

function ValueTable({ testId, tetherHeader, rows, options, rowProblems, section, disabled, onPick, onPreferred }: ValueTableProps) {
  return (
    <Table verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{tetherHeader}</Table.Th>
          <Table.Th>Jira value</Table.Th>
          <Table.Th w={180}>Preferred on the way back</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const problems = row.index >= 0 ? (rowProblems[`${section}.${row.index}`] ?? []) : [];
          return (
            <Table.Tr key={row.key} data-testid={`${testId}-row`} data-value={row.key} data-invalid={problems.length > 0}>
              <Table.Td>
                <Text size="sm">{row.label}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Jira value for ${row.label}`}
                  placeholder="Not mapped (not carried)"
                  data={row.jiraId && !options.some((o) => o.value === row.jiraId) ? [{ value: row.jiraId, label: row.jiraId }, ...options] : options}
                  value={row.jiraId}
                  clearable
                  disabled={disabled}
                  onChange={(value) => onPick(row, value)}
                  error={problems.length > 0 ? problems.join(" ") : undefined}
                  data-testid={`${testId}-jira`}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${row.label} is preferred when Jira changes to this value`}
                  checked={row.preferred}
                  disabled={disabled || row.jiraId === null}
                  onChange={(event) => onPreferred(row, event.currentTarget.checked)}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

type Props<T> = { value: T[]; onChange: (next: T[]) => void; rowProblems: Record<string, string[]>; disabled: boolean };

/** Tether status → Jira status of the chosen issue type; several may share one Jira status, the preferred one wins on the way back. */
export function StatusMapTable({ value, onChange, statuses, jiraStatuses, rowProblems, disabled }: Props<StatusMapEntry> & { statuses: UseCaseStatus[]; jiraStatuses: JiraStatusMeta[] }) {
  const known = new Set(statuses.map((s) => s.id));
  const rows: Row[] = [
    ...statuses.map((status) => {
      const index = value.findIndex((e) => e.tetherStatusId === status.id);
      return { key: status.id, label: status.name, index, jiraId: value[index]?.jiraStatusId ?? null, preferred: value[index]?.preferred ?? false };
    }),
    ...value.flatMap((entry, index) => (known.has(entry.tetherStatusId) ? [] : [{ key: entry.tetherStatusId, label: "Removed Tether status", index, jiraId: entry.jiraStatusId, preferred: entry.preferred }])),
  ];
  const sameJira = (a: { jiraStatusId: string }, b: { jiraStatusId: string }) => a.jiraStatusId === b.jiraStatusId;
  return (
    <ValueTable
      testId="jira-status-map"
      tetherHeader="Tether status"
      section="statusMap"
      rows={rows}
      options={jiraStatuses.map((s) => ({ value: s.id, label: s.name }))}
      rowProblems={rowProblems}
      disabled={disabled}
      onPick={(row, jiraId) => {
        if (jiraId === null) onChange(value.filter((_, i) => i !== row.index));
        else if (row.index >= 0) onChange(value.map((e, i) => (i === row.index ? { ...e, jiraStatusId: jiraId } : e)));
        else onChange([...value, { tetherStatusId: row.key, jiraStatusId: jiraId, preferred: !value.some((e) => e.jiraStatusId === jiraId) }]);
      }}
      onPreferred={(row, preferred) => {
        onChange(preferred ? markPreferred(value, row.index, sameJira) : value.map((e, i) => (i === row.index ? { ...e, preferred: false } : e)));
      }}
    />
  );
}

/** Tether priority → Jira priority; the preferred one wins when several share a Jira priority. */
export function PriorityMapTable({ value, onChange, priorities, rowProblems, disabled }: Props<PriorityMapEntry> & { priorities: z.infer<typeof JiraPriorityMeta>[] }) {
  const rows: Row[] = [...Priority.options].reverse().map((priority) => {
    const index = value.findIndex((e) => e.priority === priority);
    return { key: priority, label: priorityLabel[priority], index, jiraId: value[index]?.jiraPriorityId ?? null, preferred: value[index]?.preferred ?? false };
  });
  const sameJira = (a: { jiraPriorityId: string }, b: { jiraPriorityId: string }) => a.jiraPriorityId === b.jiraPriorityId;
  return (
    <ValueTable
      testId="jira-priority-map"
      tetherHeader="Tether priority"
      section="priorityMap"
      rows={rows}
      options={priorities.map((p) => ({ value: p.id, label: p.name }))}
      rowProblems={rowProblems}
      disabled={disabled}
      onPick={(row, jiraId) => {
        if (jiraId === null) onChange(value.filter((_, i) => i !== row.index));
        else if (row.index >= 0) onChange(value.map((e, i) => (i === row.index ? { ...e, jiraPriorityId: jiraId } : e)));
        else onChange([...value, { priority: Priority.parse(row.key), jiraPriorityId: jiraId, preferred: !value.some((e) => e.jiraPriorityId === jiraId) }]);
      }}
      onPreferred={(row, preferred) => {
        onChange(preferred ? markPreferred(value, row.index, sameJira) : value.map((e, i) => (i === row.index ? { ...e, preferred: false } : e)));
      }}
    />
  );
}
