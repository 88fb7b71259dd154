/** Statuses in URLs by name, not id: `?status=in-progress` reads, survives copy and paste, and means the same to a colleague. */
export function statusSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

type Status = { id: string; name: string };

/**
 * The status id a URL's `status` value stands for: its slug, or an id (links made before slugs).
 * `undefined` while the statuses load; `null` when it names no status (renamed or deleted): no filter.
 */
export function statusIdFromParam(param: string, statuses: readonly Status[] | undefined): string | null | undefined {
  if (!statuses) return undefined;
  return (statuses.find((s) => statusSlug(s.name) === param) ?? statuses.find((s) => s.id === param))?.id ?? null;
}

export function statusParamFromId(id: string, statuses: readonly Status[] | undefined): string {
  const status = statuses?.find((s) => s.id === id);
  return status ? statusSlug(status.name) : id;
}
