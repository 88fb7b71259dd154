import { randomBytes } from "node:crypto";
import type { CreateCustomFieldInput, CustomField, CustomFieldOption, CustomFieldType, UpdateCustomFieldInput } from "../../common/contracts/custom-fields.ts";
import type { FieldRules } from "../../common/custom-fields/values.ts";
import { AppError } from "../errors.ts";

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", `Invalid request body: ${path}: ${message}`, [{ path, code: "invalid_value", message }]);

const usesRange = (type: CustomFieldType) => type === "number" || type === "slider";
const usesOptions = (type: CustomFieldType) => type === "singleSelect" || type === "multiSelect";

const newOptionId = () => `opt_${randomBytes(6).toString("base64url")}`;

type SettingsInput = Pick<UpdateCustomFieldInput, "min" | "max" | "decimals" | "step" | "options">;

/**
 * A definition's rules (range, decimals, step, options) from what was asked, on top of the
 * current rules when changing a field. Settings a type does not use are refused, not ignored.
 */
export function buildRules(type: CustomFieldType, input: SettingsInput, current: FieldRules | null): FieldRules {
  const keep = current && current.type === type ? current : null;
  for (const setting of ["min", "max", "decimals", "step"] as const) {
    const given = input[setting];
    if (given === undefined || given === null) continue;
    if (!usesRange(type) || (setting === "decimals" && type !== "number") || (setting === "step" && type !== "slider")) {
      throw invalid(setting, `a ${type} field has no ${setting}`);
    }
  }
  if (input.options !== undefined && input.options.length > 0 && !usesOptions(type)) throw invalid("options", `a ${type} field has no options`);
  const pick = <K extends "min" | "max" | "decimals" | "step">(k: K): number | null => {
    const given = input[k];
    if (given !== undefined) return given;
    return keep ? keep[k] : null;
  };
  const rules: FieldRules = {
    type,
    min: usesRange(type) ? pick("min") : null,
    max: usesRange(type) ? pick("max") : null,
    decimals: type === "number" ? pick("decimals") : null,
    step: type === "slider" ? pick("step") : null,
    options: usesOptions(type) ? buildOptions(input.options, current?.options ?? []) : [],
  };
  if (type === "slider") {
    rules.min ??= 0;
    rules.max ??= 100;
    rules.step ??= 1;
  }
  if (rules.min !== null && rules.max !== null && rules.min >= rules.max) throw invalid("max", "must be greater than min");
  return rules;
}

function buildOptions(input: SettingsInput["options"], current: readonly CustomFieldOption[]): CustomFieldOption[] {
  if (input === undefined) return [...current];
  const known = new Set(current.map((o) => o.id));
  const options = input.map((o, index) => {
    if (o.id !== undefined && !known.has(o.id)) throw invalid(`options.${index}.id`, `there is no option ${o.id}; leave id out to add one`);
    return { id: o.id ?? newOptionId(), label: o.label, color: o.color };
  });
  const labels = options.map((o) => o.label.toLowerCase());
  if (new Set(labels).size !== labels.length) throw invalid("options", "option labels must be unique");
  if (new Set(options.map((o) => o.id)).size !== options.length) throw invalid("options", "an option is listed twice");
  return options;
}

export const rulesConfig = (rules: FieldRules) => ({ min: rules.min, max: rules.max, decimals: rules.decimals, step: rules.step, options: rules.options });

export function rulesOfCreate(input: CreateCustomFieldInput): FieldRules {
  return buildRules(input.type, input, null);
}

export const rulesOf = (field: CustomField): FieldRules => ({
  type: field.type,
  min: field.min,
  max: field.max,
  decimals: field.decimals,
  step: field.step,
  options: field.options,
});

export const sameRules = (a: FieldRules, b: FieldRules) => JSON.stringify(rulesConfig(a)) === JSON.stringify(rulesConfig(b)) && a.type === b.type;
