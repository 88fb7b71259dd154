import type { CreateCustomFieldInput, CustomField, UpdateCustomFieldInput } from "../../common/contracts/custom-fields.ts";
import type { Db } from "../db/pool.ts";
import type { Role } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "../models/audit-log.ts";
import {
  findCustomFieldByKey,
  findCustomFieldRow,
  insertCustomFieldRow,
  listCustomFieldRows,
  moderatorsMayDefine,
  saveModeratorsMayDefine,
  updateCustomFieldRow,
} from "../models/custom-fields.ts";
import { presentCustomField } from "../presenters/custom-field.ts";
import { buildRules, rulesConfig, rulesOf, rulesOfCreate, sameRules } from "./custom-field-rules.ts";
import { revalueField } from "./custom-field-revalue.ts";

export type FieldDefiner = { userId: string; role: Role; workspaceId: string };

export const customFieldNotFound = () => new AppError("not_found", "This workspace has no such custom field.");

/** Admins define fields; Moderators only where the workspace allows it. */
export async function authoriseDefine(db: Db, caller: FieldDefiner): Promise<void> {
  if (caller.role === "admin") return;
  if (caller.role === "moderator" && (await moderatorsMayDefine(db, caller.workspaceId))) return;
  throw new AppError("forbidden", "Only Admins define custom fields here (an Admin can let Moderators do it too).", { action: "customFields.define", role: caller.role });
}

export async function listCustomFields(db: Db, workspaceId: string): Promise<CustomField[]> {
  return (await listCustomFieldRows(db, workspaceId)).map(presentCustomField);
}

export async function createCustomField(db: Db, caller: FieldDefiner, input: CreateCustomFieldInput): Promise<CustomField> {
  await authoriseDefine(db, caller);
  const rules = rulesOfCreate(input);
  return db.transaction().execute(async (trx) => {
    if (await findCustomFieldByKey(trx, caller.workspaceId, input.key)) {
      throw new AppError("conflict", `This workspace already has a field with key "${input.key}" (keys stay taken, also by archived fields).`);
    }
    const row = await insertCustomFieldRow(trx, {
      workspace_id: caller.workspaceId,
      key: input.key,
      name: input.name,
      help_text: input.helpText ?? "",
      type: input.type,
      required: input.required ?? false,
      config: rulesConfig(rules),
    });
    await recordAudit(trx, { workspaceId: caller.workspaceId, actorId: caller.userId, action: "customField.created", target: row.id, details: { key: row.key, type: row.type } });
    return presentCustomField(row);
  });
}

/**
 * Renames, re-describes, archives or restores a field, and changes its rules (type, range,
 * options) only where every stored value still fits (revalueField). An option left out that
 * values still use is refused: remove it with removeCustomFieldOption, saying what happens to them.
 */
export async function updateCustomField(db: Db, caller: FieldDefiner, fieldId: string, input: UpdateCustomFieldInput): Promise<CustomField> {
  await authoriseDefine(db, caller);
  return db.transaction().execute(async (trx) => {
    const row = await findCustomFieldRow(trx, caller.workspaceId, fieldId, { lock: true });
    if (!row) throw customFieldNotFound();
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError("version_conflict", `Someone changed this field since you read it (now version ${row.version}).`, { currentVersion: row.version });
    }
    const current = presentCustomField(row);
    const from = rulesOf(current);
    const to = buildRules(input.type ?? current.type, input, from);
    const dropped = from.options.filter((o) => !to.options.some((n) => n.id === o.id));
    if (dropped.length > 0 && to.type === from.type) {
      throw new AppError(
        "custom_field_option_in_use",
        `Options are removed one at a time with DELETE …/custom-fields/${fieldId}/options/{optionId}, saying what to do with their values (replaceWith or clear): ${dropped.map((o) => `"${o.label}"`).join(", ")}.`,
        { options: dropped.map((o) => o.id) },
      );
    }
    if (!sameRules(from, to)) {
      if (current.archived) throw new AppError("conflict", `"${current.name}" is archived; restore it before changing its type or options.`);
      await revalueField(trx, { workspaceId: caller.workspaceId, userId: caller.userId, field: row, from, to });
    }
    const updated = await updateCustomFieldRow(trx, fieldId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.helpText !== undefined ? { help_text: input.helpText } : {}),
      ...(input.required !== undefined ? { required: input.required } : {}),
      ...(input.archived !== undefined ? { archived_at: input.archived ? (row.archived_at ?? new Date()) : null } : {}),
    });
    await recordAudit(trx, {
      workspaceId: caller.workspaceId,
      actorId: caller.userId,
      action: "customField.updated",
      target: fieldId,
      details: { key: row.key, changed: Object.keys(input).filter((k) => k !== "version") },
    });
    return presentCustomField(updated);
  });
}

/** The template's order: every field of the workspace, archived ones included, listed once. */
export async function reorderCustomFields(db: Db, caller: FieldDefiner, fieldIds: readonly string[]): Promise<CustomField[]> {
  await authoriseDefine(db, caller);
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("custom_fields").select("id").where("workspace_id", "=", caller.workspaceId).forUpdate().execute();
    const existing = new Set(rows.map((r) => r.id));
    if (new Set(fieldIds).size !== fieldIds.length || fieldIds.length !== existing.size || fieldIds.some((id) => !existing.has(id))) {
      throw new AppError("validation_failed", "Invalid request body: fieldIds: list every custom field of the workspace exactly once.", [
        { path: "fieldIds", code: "invalid_value", message: "list every custom field of the workspace exactly once" },
      ]);
    }
    for (const [position, id] of fieldIds.entries()) await trx.updateTable("custom_fields").set({ position }).where("id", "=", id).execute();
    return (await listCustomFieldRows(trx, caller.workspaceId)).map(presentCustomField);
  });
}

export async function readCustomFieldSettings(db: Db, workspaceId: string) {
  return { moderatorsMayDefine: await moderatorsMayDefine(db, workspaceId) };
}

export async function saveCustomFieldSettings(db: Db, caller: FieldDefiner, moderatorsMay: boolean) {
  if (caller.role !== "admin") throw new AppError("forbidden", "Only Admins decide who defines custom fields.", { role: caller.role });
  await saveModeratorsMayDefine(db, caller.workspaceId, moderatorsMay);
  await recordAudit(db, { workspaceId: caller.workspaceId, actorId: caller.userId, action: "customField.settings", details: { moderatorsMayDefine: moderatorsMay } });
  return { moderatorsMayDefine: moderatorsMay };
}
