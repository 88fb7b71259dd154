import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CustomFieldTypeColumn = "shortText" | "longText" | "number" | "slider" | "checkbox" | "date" | "singleSelect" | "multiSelect" | "tags" | "person";

export interface CustomFieldsTable {
  id: Generated<string>;
  workspace_id: string;
  key: string;
  name: string;
  help_text: Generated<string>;
  type: CustomFieldTypeColumn;
  required: Generated<boolean>;
  position: number;
  config: ColumnType<Record<string, unknown>, string | undefined, string>;
  archived_at: Timestamp | null;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
}

export interface CustomFieldSettingsTable {
  workspace_id: string;
  moderators_may_define: Generated<boolean>;
}

export interface UseCaseFieldValuesTable {
  field_id: string;
  use_case_id: string;
  sort_number: string | null;
  sort_text: string | null;
  sort_date: string | null;
  items: string[];
}

export interface CustomFieldTables {
  custom_fields: CustomFieldsTable;
  custom_field_settings: CustomFieldSettingsTable;
  use_case_field_values: UseCaseFieldValuesTable;
}

export type CustomFieldRow = Selectable<CustomFieldsTable>;
