import type { ConversionFailure } from "../../common/contracts/custom-fields.ts";
import { convertFieldValue } from "../../common/custom-fields/convert.ts";
import type { FieldRules } from "../../common/custom-fields/values.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { type CustomFieldRow, lockUseCasesWithValue, reindexCustomField, updateCustomFieldRow } from "../models/custom-fields.ts";
import { useCaseKey } from "../presenters/use-case.ts";
import { rulesConfig } from "./custom-field-rules.ts";
import { applyUseCaseChanges } from "./use-case-write.ts";

const SHOWN_FAILURES = 50;

/**
 * Moves a field to new rules (type, range, options) without losing data: every stored value is
 * converted first (after `rewrite`, which option removal uses); if any does not convert, nothing
 * changes and the failures are listed. Otherwise the definition is saved and each changed value
 * goes through the one write path (history, version, Jira push) as the caller's change.
 */
export async function revalueField(
  trx: Db,
  input: {
    workspaceId: string;
    userId: string;
    field: CustomFieldRow;
    from: FieldRules;
    to: FieldRules;
    rewrite?: (value: unknown) => unknown;
  },
): Promise<void> {
  const { field, from, to, workspaceId } = input;
  const holders = await lockUseCasesWithValue(trx, workspaceId, field.key);
  const converted: Array<{ useCaseId: string; value: unknown; before: unknown }> = [];
  const failures: ConversionFailure[] = [];
  for (const holder of holders) {
    const value = input.rewrite ? input.rewrite(holder.value) : holder.value;
    const result = convertFieldValue(from, to, value);
    if (!result.ok) failures.push({ useCaseId: holder.id, key: useCaseKey(holder.number), value: holder.value, reason: result.reason });
    else converted.push({ useCaseId: holder.id, value: result.value, before: holder.value });
  }
  if (failures.length > 0) {
    const listed = failures.slice(0, 5).map((f) => `${f.key} (${f.reason})`).join(", ");
    throw new AppError(
      "custom_field_conversion_failed",
      `${failures.length} value(s) of "${field.name}" would not convert to ${to.type}: ${listed}${failures.length > 5 ? ", …" : ""}. Change those values first.`,
      { failures: failures.slice(0, SHOWN_FAILURES), total: failures.length },
    );
  }
  await updateCustomFieldRow(trx, field.id, { type: to.type, config: JSON.stringify(rulesConfig(to)) });
  for (const { useCaseId, value, before } of converted) {
    if (JSON.stringify(value) === JSON.stringify(before)) continue;
    await applyUseCaseChanges(trx, { workspaceId, useCaseId, actor: { source: "user", userId: input.userId }, patch: { customFields: { [field.key]: value } } });
  }
  await reindexCustomField(trx, field.id);
}
