import { shapeDifferences, type ShapeOptions } from "./json-shape.ts";

type Json = Record<string, unknown>;

/** Site-specific custom fields: compared by type where both sides have them, never required. */
export const customFieldsAreSiteSpecific = (path: string, key: string): boolean => path === "issue.fields" && key.startsWith("customfield_");

/** Changelog items keyed by field id (the capture and the sim may list them in another order). */
export function itemsByField(body: Json): Map<string, Json> {
  const items = ((body.changelog as Json | undefined)?.items ?? []) as Json[];
  return new Map(items.map((item) => [String(item.fieldId ?? item.field), item]));
}

/** Shape differences of every changelog item the capture has, matched by field id. */
export function changelogDifferences(sim: Json, capture: Json): string[] {
  const simItems = itemsByField(sim);
  const differences: string[] = [];
  for (const [field, captured] of itemsByField(capture)) {
    const item = simItems.get(field);
    if (!item) differences.push(`changelog item ${field}: missing`);
    else differences.push(...shapeDifferences(item, captured, {}, `changelog.items[${field}]`));
  }
  for (const field of simItems.keys()) if (!itemsByField(capture).has(field)) differences.push(`changelog item ${field}: not in the capture`);
  return differences;
}

/** The envelope and issue compared by shape; the changelog compared item by item instead. */
export function deliveryDifferences(sim: Json, capture: Json, options: ShapeOptions = {}): string[] {
  const { changelog: simChangelog, ...simRest } = sim;
  const { changelog: capturedChangelog, ...capturedRest } = capture;
  const differences = shapeDifferences(simRest, capturedRest, { openKeys: customFieldsAreSiteSpecific, ...options });
  if ((simChangelog === undefined) !== (capturedChangelog === undefined)) differences.push(`changelog: ${simChangelog === undefined ? "missing" : "not in the capture"}`);
  else if (simChangelog !== undefined) differences.push(...changelogDifferences(sim, capture));
  return differences;
}

/** Custom field ids present in every one of the given captures' issues. */
export function commonCustomFields(captures: readonly Json[]): string[] {
  const sets = captures.map((capture) => Object.keys(((capture.issue as Json).fields ?? {}) as Json).filter((key) => key.startsWith("customfield_")));
  const [first = [], ...rest] = sets;
  return first.filter((key) => rest.every((set) => set.includes(key))).sort();
}
