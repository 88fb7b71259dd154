import { z } from "zod";
import type { CustomField, CustomFieldType } from "../contracts/custom-fields.ts";
import { NUMBER_LIMIT } from "../contracts/custom-fields.ts";
import { isSafeText, isStorableYear } from "../contracts/safe-text.ts";

/** The part of a definition that decides which values it takes. */
export type FieldRules = Pick<CustomField, "type" | "min" | "max" | "decimals" | "step" | "options">;

export type ValueCheck = { ok: true; value: unknown } | { ok: false; reason: string };

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 100_000;
const TAG_MAX = 40;
const TAGS_MAX = 20;

const ok = (value: unknown): ValueCheck => ({ ok: true, value });
const refuse = (reason: string): ValueCheck => ({ ok: false, reason });
const uuid = z.uuid();

/** Slider bounds when the definition leaves them open. */
export const sliderRange = (rules: FieldRules) => ({ min: rules.min ?? 0, max: rules.max ?? 100, step: rules.step ?? 1 });

function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes("e")) return 99;
  return text.split(".")[1]?.length ?? 0;
}

function checkNumber(rules: FieldRules, value: unknown): ValueCheck {
  if (typeof value !== "number" || !Number.isFinite(value)) return refuse("must be a number");
  if (Math.abs(value) > NUMBER_LIMIT) return refuse(`must be between ${-NUMBER_LIMIT} and ${NUMBER_LIMIT}`);
  if (rules.type === "slider") {
    const { min, max, step } = sliderRange(rules);
    if (value < min || value > max) return refuse(`must be from ${min} to ${max}`);
    const steps = (value - min) / step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return refuse(`must be ${min} plus a multiple of ${step}`);
    return ok(value);
  }
  if (rules.min !== null && value < rules.min) return refuse(`must be at least ${rules.min}`);
  if (rules.max !== null && value > rules.max) return refuse(`must be at most ${rules.max}`);
  const decimals = rules.decimals ?? 6;
  if (decimalsOf(value) > decimals) return refuse(decimals === 0 ? "must be a whole number" : `must have at most ${decimals} decimals`);
  return ok(value);
}

function checkOptionIds(rules: FieldRules, ids: readonly unknown[]): ValueCheck {
  const known = rules.options.map((o) => o.id);
  const unknown = ids.filter((id) => typeof id !== "string" || !known.includes(id));
  if (unknown.length > 0) return refuse(`has no option ${unknown.map((id) => JSON.stringify(id)).join(", ")}`);
  const chosen = new Set(ids as string[]);
  return ok(known.filter((id) => chosen.has(id)));
}

/**
 * Checks one value against its field's definition and returns it normalised (tags lowercase and
 * sorted, options in the field's order, blanks as null). Membership of a person is the server's
 * check (it needs the database); here a person is any user id.
 */
export function checkFieldValue(rules: FieldRules, value: unknown): ValueCheck {
  if (value === null) return ok(null);
  if (typeof value === "string" && !isSafeText(value)) return refuse("must not contain NUL characters or unpaired UTF-16 surrogates");
  switch (rules.type) {
    case "shortText":
    case "longText": {
      if (typeof value !== "string") return refuse("must be text");
      const max = rules.type === "shortText" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      const text = rules.type === "shortText" ? value.trim() : value;
      if (text.length > max) return refuse(`must be at most ${max} characters`);
      if (rules.type === "shortText" && text.includes("\n")) return refuse("must be one line");
      return ok(text.trim() === "" ? null : text);
    }
    case "number":
    case "slider":
      return checkNumber(rules, value);
    case "checkbox":
      return typeof value === "boolean" ? ok(value) : refuse("must be true or false");
    case "date":
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isStorableYear(value)) return refuse("must be a date YYYY-MM-DD");
      return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value) ? ok(value) : refuse("must be a real calendar date");
    case "singleSelect": {
      if (typeof value !== "string") return refuse("must be an option id");
      const checked = checkOptionIds(rules, [value]);
      return checked.ok ? ok(value) : checked;
    }
    case "multiSelect": {
      if (!Array.isArray(value)) return refuse("must be a list of option ids");
      const checked = checkOptionIds(rules, value);
      return checked.ok && (checked.value as string[]).length === 0 ? ok(null) : checked;
    }
    case "tags": {
      if (!Array.isArray(value) || value.some((t) => typeof t !== "string")) return refuse("must be a list of tags");
      const tags = [...new Set((value as string[]).map((t) => t.trim().toLowerCase()).filter((t) => t !== ""))].sort();
      if (tags.length > TAGS_MAX) return refuse(`must hold at most ${TAGS_MAX} tags`);
      if (tags.some((t) => t.length > TAG_MAX || !isSafeText(t))) return refuse(`tags must be at most ${TAG_MAX} characters`);
      return ok(tags.length === 0 ? null : tags);
    }
    case "person":
      return typeof value === "string" && uuid.safeParse(value).success ? ok(value) : refuse("must be a user id");
  }
}

/** Whether a (checked) value counts as "filled" for a required field. */
export const isEmptyValue = (value: unknown) => value === null || value === undefined;

/** Types whose values have one natural order (the list sorts by them). */
export const sortableTypes: ReadonlySet<CustomFieldType> = new Set(["shortText", "number", "slider", "checkbox", "date", "singleSelect"]);
