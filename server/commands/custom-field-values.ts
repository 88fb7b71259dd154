import type { CustomField } from "../../common/contracts/custom-fields.ts";
import { checkFieldValue, isEmptyValue } from "../../common/custom-fields/values.ts";
import type { Db } from "../db/pool.ts";
import { AppError } from "../errors.ts";
import { listCustomFieldRows } from "../models/custom-fields.ts";
import type { FieldChange } from "../models/use-case-history.ts";
import { findWorkspaceUsers } from "../models/use-cases.ts";
import { presentCustomField } from "../presenters/custom-field.ts";

/** History names a custom field `customFields.<key>`, beside the built-in fields. */
export const customFieldHistoryName = (key: string) => `customFields.${key}`;

export const invalidCustomField = (key: string, message: string) =>
  new AppError("validation_failed", `Invalid request body: customFields.${key}: ${message}.`, [{ path: `customFields.${key}`, code: "invalid_value", message }]);

export async function workspaceCustomFields(db: Db, workspaceId: string): Promise<CustomField[]> {
  return (await listCustomFieldRows(db, workspaceId)).map(presentCustomField);
}

/**
 * Checks the custom-field values a write gives against the workspace's definitions: an unknown
 * key, an archived field, a wrong type, an unknown option or a non-member is a 400 naming the
 * field. Returns the values normalised (null = clear).
 */
export async function checkCustomFieldValues(
  db: Db,
  workspaceId: string,
  given: Readonly<Record<string, unknown>>,
  options: { creating: boolean },
): Promise<Map<string, unknown>> {
  const fields = new Map((await workspaceCustomFields(db, workspaceId)).map((f) => [f.key, f]));
  const checked = new Map<string, unknown>();
  for (const [key, raw] of Object.entries(given)) {
    const field = fields.get(key);
    if (!field) throw invalidCustomField(key, "this workspace has no such field");
    if (field.archived) throw invalidCustomField(key, `"${field.name}" is archived and takes no new values`);
    const result = checkFieldValue(field, raw);
    if (!result.ok) throw invalidCustomField(key, result.reason);
    if (field.required && isEmptyValue(result.value)) throw invalidCustomField(key, `"${field.name}" is required`);
    checked.set(key, result.value);
  }
  if (options.creating) {
    const missing = [...fields.values()].find((f) => f.required && !f.archived && isEmptyValue(checked.get(f.key)));
    if (missing) throw invalidCustomField(missing.key, `"${missing.name}" is required`);
  }
  const people = [...fields.values()].filter((f) => f.type === "person").flatMap((f) => {
    const value = checked.get(f.key);
    return typeof value === "string" ? [[f.key, value] as const] : [];
  });
  if (people.length > 0) {
    const members = new Set((await findWorkspaceUsers(db, workspaceId, people.map(([, id]) => id))).map((u) => u.id));
    const stranger = people.find(([, id]) => !members.has(id));
    if (stranger) throw invalidCustomField(stranger[0], `user ${stranger[1]} is not a member of this workspace`);
  }
  return checked;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The new stored object and one history change per field whose value really changes. */
export function mergeCustomFieldValues(current: Readonly<Record<string, unknown>>, checked: ReadonlyMap<string, unknown>) {
  const next: Record<string, unknown> = { ...current };
  const changes: FieldChange[] = [];
  for (const [key, value] of checked) {
    if (same(current[key], value)) continue;
    changes.push({ field: customFieldHistoryName(key), oldValue: current[key] ?? null, newValue: value });
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return { next, changes };
}

/** For the one write path: the custom-field part of a patch as a column value and history changes. */
export async function customFieldChanges(db: Db, workspaceId: string, current: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>> | undefined) {
  if (given === undefined || Object.keys(given).length === 0) return null;
  const checked = await checkCustomFieldValues(db, workspaceId, given, { creating: false });
  const { next, changes } = mergeCustomFieldValues(current, checked);
  return changes.length === 0 ? null : { column: JSON.stringify(next), changes };
}
