import { z } from "zod";
import { safeText } from "./safe-text.ts";

/**
 * Workspace-defined fields on the use-case template (ADR 0011). A use case holds their values in
 * `customFields`, keyed by the field's `key` (fixed at creation; the name can change).
 *
 * Value shape per type: shortText, longText (Markdown): string · number, slider: number ·
 * checkbox: boolean · date: "YYYY-MM-DD" · singleSelect: option id · multiSelect: option ids ·
 * tags: strings · person: a workspace member's user id. `null` clears a value.
 */
export const CustomFieldType = z.enum(["shortText", "longText", "number", "slider", "checkbox", "date", "singleSelect", "multiSelect", "tags", "person"]);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

export const CustomFieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "must start with a letter and hold only a-z, 0-9 and _ (at most 40)" });

export const OptionColor = z.enum(["gray", "red", "orange", "yellow", "green", "teal", "blue", "violet", "pink"]);
export const CustomFieldOption = z.object({
  /** Stable: values refer to options by id, so renaming an option changes no value. */
  id: z.string(),
  label: z.string(),
  color: OptionColor,
});
export type CustomFieldOption = z.infer<typeof CustomFieldOption>;

/** Numbers stay within what the sort index and the list cursor carry exactly. */
export const NUMBER_LIMIT = 99_999_999;

export const CustomField = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  helpText: z.string(),
  type: CustomFieldType,
  required: z.boolean(),
  position: z.int(),
  /** number and slider: the allowed range; null = unbounded (number only). */
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** number: decimals allowed (0–6). */
  decimals: z.int().nullable(),
  /** slider: step between values. */
  step: z.number().nullable(),
  /** singleSelect and multiSelect: options in display order. */
  options: z.array(CustomFieldOption),
  /** An archived field keeps its values and history, is hidden from forms and takes no new values. */
  archived: z.boolean(),
  version: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CustomField = z.infer<typeof CustomField>;

const OptionInput = z.strictObject({
  /** Given: an existing option (rename, recolour, reorder). Left out: a new option. */
  id: safeText().max(40).optional(),
  label: safeText().trim().min(1).max(80),
  color: OptionColor.default("gray"),
});
const Bound = z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT).nullable();

const settings = {
  name: safeText().trim().min(1).max(80),
  helpText: safeText().trim().max(500),
  required: z.boolean(),
  min: Bound,
  max: Bound,
  decimals: z.int().min(0).max(6).nullable(),
  step: z.number().positive().max(NUMBER_LIMIT).nullable(),
  options: z.array(OptionInput).max(100),
};

export const CreateCustomFieldBody = z.strictObject({
  ...z.object(settings).partial().shape,
  key: CustomFieldKey,
  name: settings.name,
  type: CustomFieldType,
});
export type CreateCustomFieldBody = z.input<typeof CreateCustomFieldBody>;
export type CreateCustomFieldInput = z.output<typeof CreateCustomFieldBody>;

/**
 * Changes to a field. A new `type` is applied only when every existing value converts (else 409
 * `custom_field_conversion_failed` listing the use cases); leaving out an option that values
 * still use is refused (409 `custom_field_option_in_use`): remove it with the option endpoint.
 */
export const UpdateCustomFieldBody = z.strictObject({
  ...z.object(settings).partial().shape,
  type: CustomFieldType.optional(),
  archived: z.boolean().optional(),
  version: z.int().min(1).optional(),
});
export type UpdateCustomFieldBody = z.input<typeof UpdateCustomFieldBody>;
export type UpdateCustomFieldInput = z.output<typeof UpdateCustomFieldBody>;

export const ReorderCustomFieldsBody = z.strictObject({ fieldIds: z.array(z.uuid()).min(1).max(200) });
export const RemoveOptionQuery = z.object({
  /** Values holding the removed option get this option instead. */
  replaceWith: safeText().max(40).optional(),
  /** Values holding the removed option lose it (single select: cleared). */
  clear: z.enum(["true", "false"]).optional(),
});

export const CustomFieldList = z.object({ customFields: z.array(CustomField) });
export const CustomFieldResponse = z.object({ customField: CustomField });

export const CustomFieldSettings = z.object({ moderatorsMayDefine: z.boolean() });
export const CustomFieldSettingsBody = z.strictObject({ moderatorsMayDefine: z.boolean() });

/** One value that does not convert to the requested type. */
export const ConversionFailure = z.object({ useCaseId: z.uuid(), key: z.string(), value: z.unknown(), reason: z.string() });
export type ConversionFailure = z.infer<typeof ConversionFailure>;
