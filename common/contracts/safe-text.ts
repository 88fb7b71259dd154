import { z } from "zod";

/**
 * Text the API accepts is text PostgreSQL can store: no NUL character (refused in `text`, error
 * 22021) and no unpaired UTF-16 surrogate (not valid Unicode; refused in `jsonb`, error 22P02).
 * Every string in a request contract is built on `safeText()`, so a bad value is a 400 naming the
 * field rather than a 500 from the database. Dates use `safeDate()` (year 0001–9999: PostgreSQL
 * has no year 0000).
 */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates";

export function isSafeText(text: string): boolean {
  return !text.includes("\u0000") && !unpairedSurrogate.test(text);
}

/** `z.string()` that refuses what the database cannot store; chain `.trim().min().max()` as usual. */
export const safeText = () => z.string().refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE, abort: true });

/** A year PostgreSQL and JavaScript dates agree on. */
export const isStorableYear = (isoDateOrTime: string) => {
  const year = Number(isoDateOrTime.slice(0, 4));
  return Number.isInteger(year) && year >= 1 && year <= 9999;
};

/** `YYYY-MM-DD`, years 0001–9999. */
export const safeDate = () => z.iso.date().refine(isStorableYear, { error: "must be a date from year 0001 to 9999" });

/** An http(s) URL that is also safe text. */
export const safeUrl = (error: string) =>
  z.url({ protocol: /^https?$/, error }).refine(isSafeText, { error: UNSAFE_TEXT_MESSAGE, abort: true });

/**
 * The first string (or object key) anywhere in a parsed value that is not safe text, with its
 * path: the server's validation hook runs this over every request as a backstop for contracts
 * that forget `safeText()`.
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return isSafeText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key)) return [...path, JSON.stringify(key)];
      const found = findUnsafeText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
