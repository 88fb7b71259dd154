import type { CustomField } from "../../common/contracts/custom-fields.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { findCustomFieldRow, lockUseCasesWithValue } from "../models/custom-fields.ts";
import { recordAudit } from "../models/audit-log.ts";
import { presentCustomField } from "../presenters/custom-field.ts";
import { rulesOf } from "./custom-field-rules.ts";
import { authoriseDefine, customFieldNotFound, type FieldDefiner } from "./custom-fields.ts";
import { revalueField } from "./custom-field-revalue.ts";

const holds = (value: unknown, optionId: string) => value === optionId || (Array.isArray(value) && value.includes(optionId));

/**
 * Removes one option. Values that hold it get `replaceWith` (another option of the field) or,
 * with `clear`, lose it; with neither and values in use, nothing changes and the answer says how
 * many use cases hold it (409 custom_field_option_in_use).
 */
export async function removeCustomFieldOption(
  db: Db,
  caller: FieldDefiner,
  fieldId: string,
  optionId: string,
  what: { replaceWith?: string | undefined; clear: boolean },
): Promise<CustomField> {
  await authoriseDefine(db, caller);
  return db.transaction().execute(async (trx) => {
    const row = await findCustomFieldRow(trx, caller.workspaceId, fieldId, { lock: true });
    if (!row) throw customFieldNotFound();
    const field = presentCustomField(row);
    const option = field.options.find((o) => o.id === optionId);
    if (!option) throw new AppError("not_found", `"${field.name}" has no option ${optionId}.`);
    if (what.replaceWith !== undefined && (what.replaceWith === optionId || !field.options.some((o) => o.id === what.replaceWith))) {
      throw new AppError("validation_failed", `Invalid request query: replaceWith: "${field.name}" has no other option ${what.replaceWith}.`, [
        { path: "replaceWith", code: "invalid_value", message: "must be another option of the field" },
      ]);
    }
    const inUse = (await lockUseCasesWithValue(trx, caller.workspaceId, field.key)).filter((h) => holds(h.value, optionId)).length;
    if (inUse > 0 && what.replaceWith === undefined && !what.clear) {
      throw new AppError(
        "custom_field_option_in_use",
        `${inUse} use case(s) hold "${option.label}". Say what happens to them: ?replaceWith=<another option id> or ?clear=true.`,
        { useCases: inUse, optionId },
      );
    }
    const from = rulesOf(field);
    const to = { ...from, options: from.options.filter((o) => o.id !== optionId) };
    const replacement = what.replaceWith ?? null;
    const rewrite = (value: unknown) => {
      if (value === optionId) return replacement;
      if (Array.isArray(value)) return [...new Set(value.map((id) => (id === optionId ? replacement : id)).filter((id) => id !== null))];
      return value;
    };
    await revalueField(trx, { workspaceId: caller.workspaceId, userId: caller.userId, field: row, from, to, rewrite });
    await recordAudit(trx, {
      workspaceId: caller.workspaceId,
      actorId: caller.userId,
      action: "customField.optionRemoved",
      target: fieldId,
      details: { key: field.key, option: option.label, useCases: inUse, replaceWith: replacement },
    });
    return presentCustomField((await findCustomFieldRow(trx, caller.workspaceId, fieldId))!);
  });
}
