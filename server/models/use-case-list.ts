import { type Expression, type RawBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { UseCaseSort, Visibility } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import type { Database, Role } from "../db/schema.ts";
import { type ListPosition, parseSort, type SortValueKind } from "./use-case-cursor.ts";
import { type CustomFieldFilter, customFieldFilterSql } from "./use-case-field-filters.ts";
import { useCaseVisibleSql } from "../policies/use-case-sql.ts";
import { selectUseCases, type UseCaseRecord } from "./use-cases.ts";

export type UseCaseFilters = {
  statusIds?: readonly string[] | undefined;
  /** A user id, or null for "unassigned". */
  assigneeId?: string | null | undefined;
  /** Use cases carrying all of these tags. */
  tags?: readonly string[] | undefined;
  text?: string | undefined;
  visibility?: Visibility | undefined;
  customFields?: readonly CustomFieldFilter[] | undefined;
};

export type UseCasePageRequest = {
  workspaceId: string;
  viewer: { userId: string; role: Role };
  filters: UseCaseFilters;
  sort: UseCaseSort;
  limit: number;
  after: ListPosition | null;
};

// Each expression has a matching index in migrations/0003_use_cases.sql; change both together.
const sortExpression: Record<string, RawBuilder<unknown>> = {
  updated: sql`use_cases.updated_at`,
  created: sql`use_cases.created_at`,
  title: sql`lower(use_cases.title)`,
  wsjf: sql`use_cases.wsjf`,
  priority: sql`array_position(array['lowest','low','medium','high','highest']::text[], use_cases.priority)`,
  targetDate: sql`use_cases.target_date`,
  number: sql`use_cases.number`,
  // Index in migrations/0019_use_case_board_rank.sql (per status column).
  boardRank: sql`use_cases.board_rank`,
};

const nullableSorts = new Set(["wsjf", "targetDate", "boardRank"]);

export const castTo: Record<SortValueKind, RawBuilder<unknown>> = {
  timestamp: sql`timestamptz`,
  text: sql`text`,
  integer: sql`integer`,
  decimal: sql`numeric`,
  date: sql`date`,
};

/** The sort value as text the cursor can carry and the database can cast back without loss. */
export function sortValueAsText(kind: SortValueKind, expression: RawBuilder<unknown>): RawBuilder<string | null> {
  if (kind === "timestamp") return sql<string>`to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql<string | null>`(${expression})::text`;
}

/** `%`, `_` and `\` typed by the user are literal characters, not patterns. */
export const likePattern = (text: string) => `%${text.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The list's filters, as WHERE clauses on any query over `use_cases`. */
export function applyFilters<Q extends FilterableQuery>(query: Q, filters: UseCaseFilters): Q {
  let q = query;
  if (filters.statusIds && filters.statusIds.length > 0) q = q.where("use_cases.status_id", "in", [...filters.statusIds]) as Q;
  if (filters.assigneeId === null) q = q.where("use_cases.assignee_id", "is", null) as Q;
  else if (filters.assigneeId !== undefined) q = q.where("use_cases.assignee_id", "=", filters.assigneeId) as Q;
  if (filters.tags && filters.tags.length > 0) q = q.where(sql<boolean>`use_cases.tags @> ${sql.val([...filters.tags])}::text[]`) as Q;
  if (filters.visibility) q = q.where("use_cases.visibility", "=", filters.visibility) as Q;
  for (const filter of filters.customFields ?? []) q = q.where(customFieldFilterSql(filter)) as Q;
  if (filters.text) {
    const pattern = likePattern(filters.text);
    q = q.where((eb) => eb.or([eb("use_cases.title", "ilike", pattern), eb("use_cases.description", "ilike", pattern)])) as Q;
  }
  return q;
}

export type FilterableQuery = SelectQueryBuilder<Database, "use_cases", object>;

/** How many use cases the viewer may see per status, under the same filters as the list. */
export async function countUseCasesByStatus(db: Db, request: Omit<UseCasePageRequest, "sort" | "limit" | "after">) {
  const base = db
    .selectFrom("use_cases")
    .where("use_cases.workspace_id", "=", request.workspaceId)
    .where(useCaseVisibleSql(request.viewer.role, request.viewer.userId));
  const rows = await applyFilters(base as unknown as FilterableQuery, request.filters)
    .select(["use_cases.status_id", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy("use_cases.status_id")
    .execute();
  return rows.map((r) => ({ statusId: r.status_id, count: Number(r.n) }));
}

/**
 * One page of use cases in keyset order: sort value (nulls last in both directions), then id in
 * the same direction, continuing strictly after `after`. Visibility is part of the WHERE clause,
 * so hidden use cases never reach the application.
 */
export async function listUseCasePage(db: Db, request: UseCasePageRequest): Promise<UseCasePage> {
  const { key, descending, kind } = parseSort(request.sort);
  const expression = sortExpression[key];
  if (!expression) throw new Error(`no sort expression for ${key}`);
  let query = applyFilters(
    selectUseCases(db)
      .select(sortValueAsText(kind, expression).as("sort_value"))
      .where("use_cases.workspace_id", "=", request.workspaceId)
      .where(useCaseVisibleSql(request.viewer.role, request.viewer.userId)),
    request.filters,
  );
  if (request.after) query = query.where(afterPosition(expression, kind, descending, nullableSorts.has(key), request.after));

  const direction = descending ? sql`desc` : sql`asc`;
  // "nulls last" only where nulls exist: on a NOT NULL column it would stop the index matching.
  const nulls = nullableSorts.has(key) ? sql`nulls last` : sql``;
  const rows = await query
    .orderBy(sql`${expression} ${direction} ${nulls}`)
    .orderBy(sql`use_cases.id ${direction}`)
    .limit(request.limit + 1)
    .execute();
  return pageOf(rows, request.limit);
}

export type UseCasePage = { rows: UseCaseRecord[]; last: ListPosition | null; more: boolean };

/** A page from up to `limit + 1` rows in list order: the extra row only says there is more. */
export function pageOf(rows: ReadonlyArray<UseCaseRecord & { sort_value: string | null }>, limit: number): UseCasePage {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const lastRow = page.at(-1);
  return {
    rows: page.map(({ sort_value: _sortValue, ...record }) => record),
    last: lastRow ? { value: lastRow.sort_value, id: lastRow.id } : null,
    more,
  };
}

function afterPosition(
  expression: RawBuilder<unknown>,
  kind: SortValueKind,
  descending: boolean,
  nullable: boolean,
  after: ListPosition,
): Expression<boolean> {
  const comparator = descending ? sql`<` : sql`>`;
  const idAfter = sql<boolean>`use_cases.id ${comparator} ${after.id}::uuid`;
  // Nulls come last: after a null position only nulls with a later id remain.
  if (after.value === null) return sql<boolean>`(${expression} is null and ${idAfter})`;
  const value = sql`cast(${after.value} as ${castTo[kind]})`;
  const rowAfter = sql<boolean>`(${expression}, use_cases.id) ${comparator} (${value}, ${after.id}::uuid)`;
  return nullable ? sql<boolean>`(${rowAfter} or ${expression} is null)` : rowAfter;
}
