import { type ColumnType, type Expression, type SqlBool, sql } from "kysely";
import type { EpicFacets, EpicIssueSort, EpicProgress } from "../../common/contracts/jira-listing.ts";
import type { EpicIssueRow } from "../commands/jira/epic-listing-rows.ts";
import type { Db } from "../db/pool.ts";

/** Tables of migrations/0013_epic_listing_cache.sql (kept out of the shared schema: only the listing reads them). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type EpicListingTables = {
  epic_listing_snapshots: {
    link_id: string;
    workspace_id: string;
    epic_key: string;
    fetched_at: Timestamp;
    fresh_until: Timestamp;
    retain_until: Timestamp;
    invalidated_at: Timestamp | null;
    issue_count: number;
    progress: ColumnType<EpicProgress, string, string>;
    facets: ColumnType<EpicFacets, string, string>;
  };
  epic_listing_issues: Omit<EpicIssueRow, "story_points" | "updated"> & {
    link_id: string;
    story_points: ColumnType<string | null, number | null, number | null>;
    updated: Timestamp | null;
  };
};

const listing = (db: Db) => db.withTables<EpicListingTables>();

export type EpicSnapshot = {
  link_id: string;
  epic_key: string;
  fetched_at: Date;
  fresh_until: Date;
  retain_until: Date;
  invalidated_at: Date | null;
  issue_count: number;
  progress: EpicProgress;
  facets: EpicFacets;
};

export async function findSnapshot(db: Db, linkId: string): Promise<EpicSnapshot | undefined> {
  return listing(db)
    .selectFrom("epic_listing_snapshots")
    .select(["link_id", "epic_key", "fetched_at", "fresh_until", "retain_until", "invalidated_at", "issue_count", "progress", "facets"])
    .where("link_id", "=", linkId)
    .executeTakeFirst();
}

/** Replaces the Epic's snapshot as a whole (call inside a transaction). */
export async function replaceSnapshot(
  db: Db,
  snapshot: { linkId: string; workspaceId: string; epicKey: string; fetchedAt: Date; freshUntil: Date; retainUntil: Date; progress: EpicProgress; facets: EpicFacets },
  rows: EpicIssueRow[],
): Promise<void> {
  const l = listing(db);
  // A webhook that arrived while Jira was being read still counts: the new snapshot starts stale.
  const previous = await l.deleteFrom("epic_listing_snapshots").where("link_id", "=", snapshot.linkId).returning("invalidated_at").executeTakeFirst();
  const invalidatedAt = previous?.invalidated_at && previous.invalidated_at >= snapshot.fetchedAt ? previous.invalidated_at : null;
  await l
    .insertInto("epic_listing_snapshots")
    .values({
      link_id: snapshot.linkId,
      workspace_id: snapshot.workspaceId,
      epic_key: snapshot.epicKey,
      fetched_at: snapshot.fetchedAt,
      fresh_until: snapshot.freshUntil,
      retain_until: snapshot.retainUntil,
      invalidated_at: invalidatedAt,
      issue_count: rows.length,
      progress: JSON.stringify(snapshot.progress),
      facets: JSON.stringify(snapshot.facets),
    })
    .execute();
  // 14 columns per row: chunks stay far below PostgreSQL's 65,535 parameters.
  for (let start = 0; start < rows.length; start += 1000) {
    await l
      .insertInto("epic_listing_issues")
      .values(rows.slice(start, start + 1000).map((row) => ({ ...row, link_id: snapshot.linkId })))
      .execute();
  }
}

export type EpicIssueFilter = { type?: string | undefined; assignee?: string | undefined; status?: string | undefined; category?: string | undefined; q?: string | undefined };

/** Sort columns, all ascending, ending in the unique position: the keyset a cursor points into. */
const sortKeys: Record<EpicIssueSort, ReturnType<typeof sql>[]> = {
  rank: [sql`position`],
  status: [sql`CASE status_category WHEN 'new' THEN 0 WHEN 'indeterminate' THEN 1 WHEN 'done' THEN 2 ELSE 3 END`, sql`lower(coalesce(status, ''))`, sql`position`],
  // Newest first; `-epoch` keeps every key ascending so one row comparison serves every sort.
  updated: [sql`-coalesce(extract(epoch from updated), 0)::float8`, sql`position`],
};

export type Keyset = (string | number)[];

function filterConditions(filter: EpicIssueFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.type) conditions.push(sql<boolean>`lower(issue_type) = lower(${filter.type})`);
  if (filter.status) conditions.push(sql<boolean>`lower(status) = lower(${filter.status})`);
  if (filter.category) conditions.push(sql<boolean>`status_category = ${filter.category}`);
  if (filter.assignee === "unassigned") conditions.push(sql<boolean>`assignee_id IS NULL`);
  else if (filter.assignee) conditions.push(sql<boolean>`assignee_id = ${filter.assignee}`);
  // Plain substring match: the user's text is a bound parameter, % and _ are escaped.
  if (filter.q) conditions.push(sql<boolean>`summary ILIKE ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return conditions;
}

function filtered(db: Db, linkId: string, filter: EpicIssueFilter) {
  let query = listing(db).selectFrom("epic_listing_issues").where("link_id", "=", linkId);
  for (const condition of filterConditions(filter)) query = query.where(condition);
  return query;
}

export type CachedEpicIssue = Omit<EpicIssueRow, "story_points"> & { story_points: number | null; keyset: Keyset };

/** One page after `after` (a keyset from the previous page's last row). */
export async function pageIssues(db: Db, linkId: string, filter: EpicIssueFilter, sort: EpicIssueSort, after: Keyset | null, limit: number): Promise<CachedEpicIssue[]> {
  const keys = sortKeys[sort];
  let query = filtered(db, linkId, filter);
  if (after) query = query.where(sql<boolean>`(${sql.join(keys)}) > (${sql.join(after)})`);
  const rows = await query
    .select(["issue_key", "position", "summary", "issue_type", "issue_type_icon_url", "status", "status_category", "assignee_id", "assignee_name", "priority", "story_points", "sprint", "updated"])
    .select(sql<Keyset>`json_build_array(${sql.join(keys)})`.as("keyset"))
    .orderBy(sql`${sql.join(keys)}`)
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, story_points: row.story_points === null ? null : Number(row.story_points) }));
}

export async function countMatching(db: Db, linkId: string, filter: EpicIssueFilter): Promise<number> {
  const row = await filtered(db, linkId, filter).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks matching snapshots stale: the next read refills them. Returns how many. */
export async function invalidateSnapshots(db: Db, workspaceId: string, match: { epicKeys: string[]; issueKey: string | null }): Promise<number> {
  let query = listing(db).updateTable("epic_listing_snapshots").set({ invalidated_at: new Date() }).where("workspace_id", "=", workspaceId);
  query = query.where((eb) => {
    const either = [];
    if (match.epicKeys.length > 0) either.push(eb(sql`upper(epic_key)`, "in", match.epicKeys.map((k) => k.toUpperCase())));
    if (match.issueKey) {
      const issueKey = match.issueKey.toUpperCase();
      either.push(eb.exists(eb.selectFrom("epic_listing_issues as i").select("i.link_id").whereRef("i.link_id", "=", "epic_listing_snapshots.link_id").where(sql<boolean>`upper(i.issue_key) = ${issueKey}`)));
    }
    return either.length > 0 ? eb.or(either) : sql<boolean>`false`;
  });
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function dropSnapshots(db: Db, where: { workspaceId: string; linkId?: string }): Promise<void> {
  let query = listing(db).deleteFrom("epic_listing_snapshots").where("workspace_id", "=", where.workspaceId);
  if (where.linkId) query = query.where("link_id", "=", where.linkId);
  await query.execute();
}

/** Housekeeping (`purge_expired`): snapshots past their retention go. */
export async function purgeExpiredSnapshots(db: Db, now = new Date()): Promise<number> {
  const result = await listing(db).deleteFrom("epic_listing_snapshots").where("retain_until", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
