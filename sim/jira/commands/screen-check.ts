import type { ScreenField } from "../model/screens.ts";
import type { SimStore } from "../model/store.ts";
import type { Actor } from "./deps.ts";
import type { FieldErrors } from "./field-values.ts";

export const notOnScreen = (fieldId: string) => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

type Write = { fields: Record<string, unknown>; update: Record<string, unknown> };

/**
 * Jira refuses every field the create/edit screen does not show, whatever its value (even empty),
 * with the same message it uses for unknown fields. Control-API writes act like an admin's bulk
 * change or automation rule and are not held to screens.
 */
export function checkOnScreen(actor: Actor, screen: readonly ScreenField[], write: Write, mode: "create" | "edit", errors: FieldErrors): void {
  if (actor.origin === "control") return;
  const onScreen = new Set(screen.map((entry) => entry.fieldId));
  for (const fieldId of [...Object.keys(write.fields), ...Object.keys(write.update)]) {
    // Jira ignores an unchanged `project` sent with an edit.
    if (mode === "edit" && fieldId === "project") continue;
    if (!onScreen.has(fieldId)) errors.add(fieldId, notOnScreen(fieldId));
  }
}

const blank = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** Required screen fields: missing on create, or cleared on create or edit → "<Name> is required." */
export function checkRequired(store: SimStore, actor: Actor, screen: readonly ScreenField[], write: Write, mode: "create" | "edit", errors: FieldErrors): void {
  if (actor.origin === "control") return;
  for (const entry of screen) {
    if (!entry.required) continue;
    const sent = entry.fieldId in write.fields || entry.fieldId in write.update;
    const cleared = entry.fieldId in write.fields && blank(write.fields[entry.fieldId]);
    if ((mode === "create" && !sent) || cleared) {
      const name = store.catalog.fields.find((field) => field.id === entry.fieldId)?.name ?? entry.fieldId;
      errors.add(entry.fieldId, `${name} is required.`);
    }
  }
}
