import { type RawBuilder, type SelectQueryBuilder, sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { Database } from "../db/schema.ts";
import { useCaseVisibleSql } from "../policies/use-case-sql.ts";
import type { SortValueKind } from "./use-case-cursor.ts";
import type { FieldValueColumn } from "./use-case-field-filters.ts";
import { applyFilters, castTo, type FilterableQuery, pageOf, sortValueAsText, type UseCasePage, type UseCasePageRequest } from "./use-case-list.ts";
import { selectUseCases, type UseCaseRecord } from "./use-cases.ts";

export type FieldSort = { fieldId: string; column: FieldValueColumn; kind: SortValueKind; descending: boolean };

type PageRow = UseCaseRecord & { sort_value: string | null };

/** One step's page as ids: `page_id`, the typed value to order by (`sort_key`) and its cursor text (`sort_value`). */
type PageIds = SelectQueryBuilder<Database, "use_cases", { page_id: string; sort_key: unknown; sort_value: string | null }>;

/**
 * One page sorted by a custom field, in the same keyset order as the built-in sorts: value
 * (nulls last in both directions), then id in the same direction. Two steps, each an index range
 * scan: use cases holding a value, walked through the (field_id, value, use_case_id) index of the
 * typed copies; then, once those run out, the ones without a value by id.
 *
 * Each step picks its page of ids in a subquery (the typed copies, the filters and visibility, and
 * the LIMIT) and only then joins the page's 50 rows to what a use case shows (status, people,
 * members). Planned as one flat join, PostgreSQL spent several times longer planning the query
 * than running it once a filter was added (ADR 0011, BENCHMARKS.md `customfields`).
 */
export async function listUseCasePageByField(db: Db, request: Omit<UseCasePageRequest, "sort">, sort: FieldSort): Promise<UseCasePage> {
  const direction = sort.descending ? sql`desc` : sql`asc`;
  const comparator = sort.descending ? sql`<` : sql`>`;
  const value = sql.ref(`sv.${sort.column}`);
  const visible = (query: FilterableQuery) =>
    applyFilters(query.where("use_cases.workspace_id", "=", request.workspaceId).where(useCaseVisibleSql(request.viewer.role, request.viewer.userId)), request.filters);
  const rows: PageRow[] = [];
  const after = request.after;

  if (after?.value !== null) {
    let withValue = visible(
      db
        .selectFrom("use_cases")
        .innerJoin("use_case_field_values as sv", (join) => join.onRef("sv.use_case_id", "=", "use_cases.id").on("sv.field_id", "=", sort.fieldId))
        .where(sql<boolean>`${value} is not null`) as unknown as FilterableQuery,
    );
    if (after) withValue = withValue.where(sql<boolean>`(${value}, sv.use_case_id) ${comparator} (cast(${after.value} as ${castTo[sort.kind]}), ${after.id}::uuid)`);
    const ids = withValue
      .select([sql<string>`sv.use_case_id`.as("page_id"), sql<unknown>`${value}`.as("sort_key"), sortValueAsText(sort.kind, value).as("sort_value")])
      .orderBy(sql`${value} ${direction}`)
      .orderBy(sql`sv.use_case_id ${direction}`)
      .limit(request.limit + 1);
    rows.push(...(await fetchPage(db, ids, direction)));
  }

  if (rows.length <= request.limit) {
    let withoutValue = visible(db.selectFrom("use_cases") as unknown as FilterableQuery).where(
      sql<boolean>`not exists (select 1 from use_case_field_values nv where nv.field_id = ${sort.fieldId}::uuid and nv.use_case_id = use_cases.id and nv.${sql.ref(sort.column)} is not null)`,
    );
    if (after?.value === null) withoutValue = withoutValue.where(sql<boolean>`use_cases.id ${comparator} ${after.id}::uuid`);
    const ids = withoutValue
      .select([sql<string>`use_cases.id`.as("page_id"), sql<unknown>`use_cases.id`.as("sort_key"), sql<string | null>`null`.as("sort_value")])
      .orderBy(sql`use_cases.id ${direction}`)
      .limit(request.limit + 1 - rows.length);
    rows.push(...(await fetchPage(db, ids, direction)));
  }

  return pageOf(rows, request.limit);
}

/** The use cases of a page of ids, in the page's order. */
async function fetchPage(db: Db, ids: PageIds, direction: RawBuilder<unknown>): Promise<PageRow[]> {
  return (await selectUseCases(db)
    .innerJoin(ids.as("page"), "page.page_id", "use_cases.id")
    .select("page.sort_value")
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy(sql`page.page_id ${direction}`)
    .execute()) as PageRow[];
}
