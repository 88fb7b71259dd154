/**
 * Async iterators over Jira's two paging styles. Each fetches the next page only when the consumer
 * has taken every item of the current one, so memory holds one page at a time.
 */

export type OffsetPage<T> = { values: T[]; isLast?: boolean | undefined; total?: number | undefined };

/** `startAt`/`maxResults` paging (`isLast` on newer endpoints, `total` on older ones). */
export async function* offsetPaged<T>(fetchPage: (startAt: number) => Promise<OffsetPage<T>>): AsyncGenerator<T> {
  let startAt = 0;
  for (;;) {
    const page = await fetchPage(startAt);
    yield* page.values;
    startAt += page.values.length;
    const done =
      page.values.length === 0 || page.isLast === true || (page.isLast === undefined && page.total !== undefined && startAt >= page.total);
    if (done) return;
  }
}

/** Cursor paging (Cloud `nextPageToken`); a null cursor ends it. */
export async function* cursorPaged<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | null = null;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.nextCursor === null || page.items.length === 0) return;
    cursor = page.nextCursor;
  }
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
