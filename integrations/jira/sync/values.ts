import type { SyncField } from "../../../common/contracts/jira-mapping.ts";

/**
 * A mapped field's value in the one form both sides are compared in (the sync base holds these):
 * - text: trimmed string; rich text: normalised Markdown
 * - status / priority / user: the Jira id the value maps to (null: none)
 * - number, date (`YYYY-MM-DD`), labels (sorted, unique)
 * A Tether value with no Jira counterpart (an unmatched user, an unmapped status) is an
 * `Unmappable`: it is never pushed and never mistaken for "empty".
 */
export type Unmappable = { unmappable: string };
export type SyncValue = string | number | null | readonly string[] | Unmappable;
export type SyncValues = Partial<Record<SyncField, SyncValue>>;

export const isUnmappable = (value: SyncValue | undefined): value is Unmappable =>
  typeof value === "object" && value !== null && !Array.isArray(value) && "unmappable" in value;

/** Holds nothing: no value, blank text or an empty set (an unmappable value is not empty). */
export const isEmptyValue = (value: SyncValue | undefined): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/** Equal by meaning: values are already normalised, so this is structural equality. */
export function sameValue(a: SyncValue | undefined, b: SyncValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => item === b[index]);
  }
  if (isUnmappable(a) || isUnmappable(b)) return isUnmappable(a) && isUnmappable(b) && a.unmappable === b.unmappable;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Jira labels cannot hold spaces; tags are lowercase in Tether. */
export function normaliseLabels(labels: readonly string[]): string[] {
  const cleaned = labels.map((label) => label.trim().toLowerCase().replace(/\s+/g, "-")).filter((label) => label.length > 0);
  return [...new Set(cleaned)].sort();
}

export function normaliseNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

export function normaliseDate(value: unknown): string | null {
  if (typeof value !== "string" || value.length < 10) return null;
  const day = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

export const normaliseText = (value: unknown): string | null => (typeof value === "string" ? value.trim() : null);
