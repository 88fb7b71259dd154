import type { JqlValue } from "./types.ts";

const MINUTE = 60_000;
const UNIT_MS: Readonly<Record<string, number>> = { w: 7 * 24 * 60 * MINUTE, d: 24 * 60 * MINUTE, h: 60 * MINUTE, m: MINUTE };

/** Jira's own text for a date it cannot read. */
export function invalidDateMessage(text: string, field: string): string {
  return `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;
}

/** A period such as `-5d`, `4w 2d`, `+3h`: milliseconds, or null when the text is not a period. */
export function parsePeriod(text: string): number | null {
  const trimmed = text.trim();
  const match = /^([+-]?)\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(trimmed);
  if (!match) return null;
  let total = 0;
  for (const part of (match[2] as string).matchAll(/(\d+)\s*([wdhm])/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] as string] as number);
  }
  return match[1] === "-" ? -total : total;
}

/** `2024-01-31`, `2024/01/31`, optionally with ` HH:mm`, read as UTC; null if not such a date. */
export function parseAbsoluteDate(text: string): number | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = [match[1], match[2], match[3], match[4] ?? "0", match[5] ?? "0"].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 2024-02-31 over into March; Jira rejects it.
  if (new Date(time).getUTCDate() !== day) return null;
  return time;
}

type DateFunction = (now: Date, offsetMs: number) => number;

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const DAY = 24 * 60 * MINUTE;
/** Jira's week starts on Sunday (the default locale of most instances). */
const DATE_FUNCTIONS: Readonly<Record<string, DateFunction>> = {
  now: (now, offset) => now.getTime() + offset,
  startofday: (now, offset) => startOfUtcDay(now).getTime() + offset,
  endofday: (now, offset) => startOfUtcDay(now).getTime() + DAY - 1 + offset,
  startofweek: (now, offset) => startOfUtcDay(now).getTime() - now.getUTCDay() * DAY + offset,
  endofweek: (now, offset) => startOfUtcDay(now).getTime() + (7 - now.getUTCDay()) * DAY - 1 + offset,
  startofmonth: (now, offset) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) + offset,
  endofmonth: (now, offset) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1 + offset,
  startofyear: (now, offset) => Date.UTC(now.getUTCFullYear(), 0, 1) + offset,
  endofyear: (now, offset) => Date.UTC(now.getUTCFullYear() + 1, 0, 1) - 1 + offset,
};

export function isDateFunction(name: string): boolean {
  return DATE_FUNCTIONS[name.toLowerCase()] !== undefined;
}

export type DateResolution = { ok: true; time: number } | { ok: false; message: string };

/** Resolves a date operand against `now`; epoch milliseconds are accepted as Jira does. */
export function resolveDate(value: JqlValue, field: string, now: Date): DateResolution {
  if (value.kind === "function") {
    const fn = DATE_FUNCTIONS[value.name.toLowerCase()];
    if (!fn) return { ok: false, message: `Unable to find JQL function '${value.name}(${value.args.join(", ")})'.` };
    const offsetText = value.args[0];
    const offset = offsetText === undefined ? 0 : parsePeriod(offsetText);
    if (offset === null || value.args.length > 1) {
      return { ok: false, message: `Function '${value.name}' expected a single period argument such as '-1d' but got '${value.args.join(", ")}'.` };
    }
    return { ok: true, time: fn(now, offset) };
  }
  if (value.kind !== "text") return { ok: false, message: invalidDateMessage("", field) };
  const period = parsePeriod(value.text);
  if (period !== null) return { ok: true, time: now.getTime() + period };
  const absolute = parseAbsoluteDate(value.text);
  if (absolute !== null) return { ok: true, time: absolute };
  if (/^\d{10,}$/.test(value.text)) return { ok: true, time: Number(value.text) };
  return { ok: false, message: invalidDateMessage(value.text, field) };
}

export function floorToMinute(time: number): number {
  return time - (((time % MINUTE) + MINUTE) % MINUTE);
}
