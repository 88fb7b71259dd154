import { Select, Table, Text } from "@mantine/core";
import type { FieldMappingEntry, SyncDirection, SyncField } from "../../../common/contracts/jira-mapping.ts";
import type { JiraFieldMeta } from "../../../common/contracts/jira-metadata.ts";
import { compatibleJiraFields, type FieldProblem, isReadOnlyInTether, syncFieldLabel } from "./mapping-draft.ts";

const directions: { value: SyncDirection; label: string }[] = [
  { value: "both", label: "Both ways" },
  { value: "to_jira", label: "Tether → Jira" },
  { value: "from_jira", label: "Jira → Tether" },
  { value: "off", label: "Off" },
];

type Props = {
  rows: readonly FieldMappingEntry[];
  jiraFields: readonly JiraFieldMeta[];
  problems: readonly FieldProblem[];
  disabled: boolean;
  onChange: (field: SyncField, change: Partial<FieldMappingEntry>) => void;
};

/** One row per Tether field: the Jira field it stays equal to (only fields of a fitting type) and the direction. */
export function MappingFieldRows({ rows, jiraFields, problems, disabled, onChange }: Props) {
  return (
    <Table verticalSpacing="xs" data-testid="jira-mapping-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Tether field</Table.Th>
          <Table.Th>Jira field</Table.Th>
          <Table.Th w={180}>Direction</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const messages = problems.filter((p) => p.field === row.tetherField).map((p) => p.message);
          const readOnly = isReadOnlyInTether(row.tetherField);
          return (
            <Table.Tr key={row.tetherField} data-testid="jira-mapping-field" data-field={row.tetherField} data-invalid={messages.length > 0}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {syncFieldLabel(row.tetherField)}
                </Text>
                {readOnly && (
                  <Text size="xs" c="dimmed">
                    computed in Tether: only to Jira
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Jira field for ${syncFieldLabel(row.tetherField)}`}
                  placeholder="Not mapped"
                  data={compatibleJiraFields(row.tetherField, jiraFields, row.jiraField)}
                  value={row.jiraField || null}
                  searchable
                  clearable
                  disabled={disabled}
                  nothingFoundMessage="No Jira field of a fitting type"
                  onChange={(value) => onChange(row.tetherField, value ? { jiraField: value } : { jiraField: "", direction: "off" })}
                  error={messages.length > 0 ? messages.join(" ") : undefined}
                  data-testid="jira-mapping-jira-field"
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Direction for ${syncFieldLabel(row.tetherField)}`}
                  data={readOnly ? directions.filter((d) => d.value === "to_jira" || d.value === "off") : directions}
                  value={row.direction}
                  allowDeselect={false}
                  disabled={disabled}
                  onChange={(value) => value && onChange(row.tetherField, { direction: value as SyncDirection })}
                  data-testid="jira-mapping-direction"
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
