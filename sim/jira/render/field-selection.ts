import type { FieldDef } from "../model/types.ts";

/**
 * Which issue fields a request asked for, following Jira's `fields` parameter rules:
 * comma-separated, repeatable, `*all`, `*navigable`, `-name` to exclude, ids or keys.
 */
export type FieldSelection = { ids: readonly string[] };

const selectionCache = new WeakMap<readonly FieldDef[], Map<string, FieldSelection>>();

export function selectFields(
  requested: readonly string[],
  fallback: "*all" | "*navigable" | "id",
  catalogFields: readonly FieldDef[],
): FieldSelection {
  // Clients repeat the same few selections, so resolved selections are kept per catalog.
  let cache = selectionCache.get(catalogFields);
  if (!cache) selectionCache.set(catalogFields, (cache = new Map()));
  const cacheKey = `${fallback}|${requested.join(",")}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const selection = resolveSelection(requested, fallback, catalogFields);
  if (cache.size < 1000) cache.set(cacheKey, selection);
  return selection;
}

function resolveSelection(requested: readonly string[], fallback: "*all" | "*navigable" | "id", catalogFields: readonly FieldDef[]): FieldSelection {
  const tokens = requested.flatMap((value) => value.split(",")).map((token) => token.trim()).filter(Boolean);
  const effective = tokens.length === 0 ? [fallback] : tokens;
  const include = new Set<string>();
  const exclude = new Set<string>();
  const known = new Map(catalogFields.map((field) => [field.id, field]));
  const byName = new Map(catalogFields.map((field) => [field.name.toLowerCase(), field.id]));
  for (const token of effective) {
    if (token === "*all") catalogFields.forEach((field) => include.add(field.id));
    else if (token === "*navigable") catalogFields.filter((field) => field.navigable).forEach((field) => include.add(field.id));
    else if (token.startsWith("-")) exclude.add(resolve(token.slice(1)));
    else include.add(resolve(token));
  }
  function resolve(token: string): string {
    return known.has(token) ? token : (byName.get(token.toLowerCase()) ?? token);
  }
  const ids = [...include].filter((id) => !exclude.has(id) && known.has(id) && id !== "issuekey");
  return { ids };
}

export function parseExpand(values: readonly (string | undefined)[]): Set<string> {
  return new Set(
    values
      .flatMap((value) => (value ?? "").split(","))
      .map((token) => token.trim())
      .filter(Boolean),
  );
}
