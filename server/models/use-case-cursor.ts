import { z } from "zod";
import { isSafeText, isStorableYear } from "../../common/contracts/safe-text.ts";
import type { UseCaseSort } from "../../common/contracts/use-cases.ts";
import { AppError } from "../errors.ts";

/** How a sort key's value travels in a cursor: as text the database casts back exactly. */
export type SortValueKind = "timestamp" | "text" | "integer" | "decimal" | "date";

export const sortValueKind: Record<string, SortValueKind> = {
  updated: "timestamp",
  created: "timestamp",
  title: "text",
  wsjf: "decimal",
  priority: "integer",
  targetDate: "date",
  number: "integer",
  boardRank: "text",
};

export type ParsedSort = { key: keyof typeof sortValueKind; descending: boolean; kind: SortValueKind };

export function parseSort(sort: UseCaseSort): ParsedSort {
  const descending = sort.startsWith("-");
  const key = descending ? sort.slice(1) : sort;
  const kind = sortValueKind[key];
  if (!kind) throw new AppError("validation_failed", `Unknown sort "${sort}".`);
  return { key, descending, kind };
}

/** The position after which the next page starts: the last row's sort value (null sorts last) and id. */
export type ListPosition = { value: string | null; id: string };

const CursorPayload = z.strictObject({ s: z.string(), v: z.string().max(1000).nullable(), id: z.uuid() });

export function encodeCursor(sort: string, position: ListPosition): string {
  return Buffer.from(JSON.stringify({ s: sort, v: position.value, id: position.id })).toString("base64url");
}

const badCursor = (why: string, cause?: unknown) =>
  new AppError("validation_failed", `Invalid request query: cursor ${why}. Start again without a cursor.`, [{ path: "cursor", message: why }], {
    cause,
  });

/**
 * Decodes a cursor and checks its value has the shape of the sort key, so a tampered cursor is
 * a 400 here rather than a failed cast (500) in the database.
 */
export function decodeCursor(sort: string, cursor: string, customKind?: SortValueKind): ListPosition {
  let payload: z.infer<typeof CursorPayload>;
  try {
    payload = CursorPayload.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch (error) {
    throw badCursor("is not one this API issued", error);
  }
  if (payload.s !== sort) throw badCursor(`belongs to sort "${payload.s}", not "${sort}"`);
  const kind = customKind ?? parseSort(sort as UseCaseSort).kind;
  if (payload.v !== null && !validSortValue(kind, payload.v)) throw badCursor("has a malformed position");
  return { value: payload.v, id: payload.id };
}

export function validSortValue(kind: SortValueKind, value: string): boolean {
  switch (kind) {
    case "text":
      return isSafeText(value);
    case "integer":
      return /^-?\d{1,9}$/.test(value);
    case "decimal":
      return /^-?\d{1,8}(\.\d{1,6})?$/.test(value);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && isStorableYear(value) && sameDate(`${value}T00:00:00.000Z`, value.length);
    case "timestamp":
      // Microseconds matter: two edits in the same millisecond must still page apart.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) && isStorableYear(value) && sameDate(`${value.slice(0, 23)}Z`, 23);
  }
}

// Date.parse accepts 2024-02-30 (and rolls it over); the database would refuse it.
function sameDate(iso: string, compareLength: number): boolean {
  const time = Date.parse(iso);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, compareLength) === iso.slice(0, compareLength);
}

/** History pages by its serial id, newest first. */
export function encodeHistoryCursor(id: string): string {
  return Buffer.from(JSON.stringify({ before: id })).toString("base64url");
}

export function decodeHistoryCursor(cursor: string): string {
  try {
    return z
      .strictObject({ before: z.string().regex(/^\d{1,18}$/) })
      .parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).before;
  } catch (error) {
    throw badCursor("is not one this API issued", error);
  }
}
