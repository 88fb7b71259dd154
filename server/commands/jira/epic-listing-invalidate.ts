import type { Db } from "../../db/pool.ts";
import { dropSnapshots, invalidateSnapshots } from "../../models/epic-listing-cache.ts";

/**
 * Call when Jira reports a change that may alter an Epic's listing (webhook ingest, reconciliation):
 * an issue created, updated, deleted or moved between Epics. Marks the affected Epic snapshots stale
 * so the next read loads them from Jira again. Pass what the event names:
 * - `epicKey`: the Epic itself changed (or is known to be the parent);
 * - `parentKey`: the child's Epic now (Cloud `parent`, Data Center "Epic Link"); on a move pass the
 *   old parent too (call twice, or put both in `epicKey` / `parentKey`);
 * - `issueKey`: the child; every snapshot that lists it is invalidated (covers a child leaving its Epic
 *   or being deleted, when the event no longer names the old parent).
 * Cheap and idempotent; returns how many snapshots were marked.
 */
export async function invalidateEpicListing(db: Db, workspaceId: string, event: { epicKey?: string | null; issueKey?: string | null; parentKey?: string | null }): Promise<number> {
  const epicKeys = [event.epicKey, event.parentKey, event.issueKey].filter((key): key is string => typeof key === "string" && key !== "");
  if (epicKeys.length === 0) return 0;
  return invalidateSnapshots(db, workspaceId, { epicKeys, issueKey: event.issueKey ?? null });
}

/** The feature was switched off (or the connection removed): nothing of the listing stays. */
export async function dropEpicListings(db: Db, workspaceId: string): Promise<void> {
  await dropSnapshots(db, { workspaceId });
}
