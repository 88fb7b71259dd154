import { type RawBuilder, sql } from "kysely";

/** Which typed column of use_case_field_values a field's values sort and compare on. */
export type FieldValueColumn = "sort_number" | "sort_text" | "sort_date";

/** One custom-field filter, resolved against its definition (commands/use-case-list-fields.ts). */
export type CustomFieldFilter =
  | { fieldId: string; op: "set" | "empty" }
  | { fieldId: string; op: "eq" | "gte" | "lte"; column: FieldValueColumn; value: string | number }
  | { fieldId: string; op: "has"; item: string }
  | { fieldId: string; op: "contains"; key: string; pattern: string };

const column = (name: FieldValueColumn) => sql.ref(`fv.${name}`);

/**
 * A filter as a WHERE clause on use_cases: an EXISTS over the typed copies, which the
 * (field_id, value, use_case_id) indexes answer.
 */
export function customFieldFilterSql(filter: CustomFieldFilter): RawBuilder<boolean> {
  const exists = (condition: RawBuilder<unknown>) =>
    sql<boolean>`exists (select 1 from use_case_field_values fv where fv.field_id = ${filter.fieldId}::uuid and fv.use_case_id = use_cases.id and ${condition})`;
  switch (filter.op) {
    case "set":
      return exists(sql`true`);
    case "empty":
      return sql<boolean>`not ${exists(sql`true`)}`;
    case "eq":
      return exists(sql`${column(filter.column)} = ${filter.value}`);
    case "gte":
      return exists(sql`${column(filter.column)} >= ${filter.value}`);
    case "lte":
      return exists(sql`${column(filter.column)} <= ${filter.value}`);
    case "has":
      return exists(sql`fv.items @> array[${filter.item}]::text[]`);
    case "contains":
      return sql<boolean>`(use_cases.custom_fields ->> ${filter.key}) ilike ${filter.pattern}`;
  }
}
