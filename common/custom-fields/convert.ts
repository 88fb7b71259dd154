import { checkFieldValue, type FieldRules, type ValueCheck } from "./values.ts";

const refuse = (reason: string): ValueCheck => ({ ok: false, reason });

function labelOf(from: FieldRules, id: unknown): string | null {
  return from.options.find((o) => o.id === id)?.label ?? null;
}

function optionByLabel(to: FieldRules, label: string): string | null {
  const wanted = label.trim().toLowerCase();
  return to.options.find((o) => o.label.trim().toLowerCase() === wanted)?.id ?? null;
}

/** The value as the new type would hold it, before the new type's own checks. */
function translate(from: FieldRules, to: FieldRules, value: unknown): unknown {
  const t = to.type;
  switch (from.type) {
    case "shortText":
    case "longText":
      if (t === "shortText" || t === "longText") return value;
      if (t === "number" || t === "slider") return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
      if (t === "date") return value;
      if (t === "singleSelect") return typeof value === "string" ? (optionByLabel(to, value) ?? value) : value;
      if (t === "tags") return typeof value === "string" ? [value] : value;
      return undefined;
    case "number":
    case "slider":
      if (t === "number" || t === "slider") return value;
      if (t === "shortText" || t === "longText") return String(value);
      return undefined;
    case "checkbox":
      if (t === "shortText" || t === "longText") return value === true ? "yes" : "no";
      return undefined;
    case "date":
      if (t === "shortText" || t === "longText") return value;
      return undefined;
    case "singleSelect":
      if (t === "multiSelect") return [value];
      if (t === "shortText" || t === "longText") return labelOf(from, value);
      if (t === "tags") return [labelOf(from, value)];
      return undefined;
    case "multiSelect":
      if (t === "singleSelect") return Array.isArray(value) && value.length === 1 ? value[0] : value;
      if (t === "tags") return Array.isArray(value) ? value.map((id) => labelOf(from, id)) : value;
      if (t === "shortText" || t === "longText") return Array.isArray(value) ? value.map((id) => labelOf(from, id)).join(", ") : value;
      return undefined;
    case "tags":
      if (t === "multiSelect") return Array.isArray(value) ? value.map((tag) => (typeof tag === "string" ? (optionByLabel(to, tag) ?? tag) : tag)) : value;
      if (t === "shortText" || t === "longText") return Array.isArray(value) ? value.join(", ") : value;
      return undefined;
    case "person":
      return t === "person" ? value : undefined;
  }
}

/**
 * Converts a stored value to another field definition (a retype). Only conversions that keep
 * the meaning are made: text → number when the text is a number, select → text by label, text
 * → select when the text names an option, and so on; anything else is refused with the reason.
 */
export function convertFieldValue(from: FieldRules, to: FieldRules, value: unknown): ValueCheck {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (from.type === to.type) return checkFieldValue(to, value);
  const translated = translate(from, to, value);
  if (translated === undefined) return refuse(`a ${from.type} value cannot become ${to.type}`);
  const checked = checkFieldValue(to, translated);
  return checked.ok ? checked : refuse(`${JSON.stringify(value)} ${checked.reason} as ${to.type}`);
}
