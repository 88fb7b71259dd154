import type { HistoryEntry, ListSort, UseCase, UseCaseSort, Visibility } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import { decodeCursor, decodeHistoryCursor, encodeCursor, encodeHistoryCursor } from "../models/use-case-cursor.ts";
import { listUseCaseHistory } from "../models/use-case-history.ts";
import { listUseCasePageByField } from "../models/use-case-list-by-field.ts";
import { countUseCasesByStatus, type UseCaseFilters, listUseCasePage } from "../models/use-case-list.ts";
import { presentHistoryEntry, presentUseCase, presentUseCaseFor } from "../presenters/use-case.ts";
import { authoriseUseCase, type UseCaseCaller } from "./use-case-access.ts";
import { resolveCustomFieldQuery } from "./use-case-list-fields.ts";

export type UseCaseListOptions = {
  status?: string[] | undefined;
  assignee?: string | undefined;
  tag?: string[] | undefined;
  q?: string | undefined;
  visibility?: Visibility | undefined;
  cf?: string[] | undefined;
  sort: ListSort;
  limit: number;
  cursor?: string | undefined;
};

function filtersFor(caller: UseCaseCaller, options: Omit<UseCaseListOptions, "sort" | "limit" | "cursor">): UseCaseFilters {
  const assigneeId = options.assignee === "me" ? caller.userId : options.assignee === "none" ? null : options.assignee;
  const text = options.q?.trim();
  return { statusIds: options.status, assigneeId, tags: options.tag, text: text === "" ? undefined : text, visibility: options.visibility };
}

/** How many use cases the caller may see per status, under the list's filters. */
export async function countUseCases(db: Db, caller: UseCaseCaller, options: Omit<UseCaseListOptions, "sort" | "limit" | "cursor">) {
  const custom = await resolveCustomFieldQuery(db, caller.workspaceId, { cf: options.cf, sort: "-updated" });
  const byStatus = await countUseCasesByStatus(db, {
    workspaceId: caller.workspaceId,
    viewer: { userId: caller.userId, role: caller.role },
    filters: { ...filtersFor(caller, options), customFields: custom.filters },
  });
  return { total: byStatus.reduce((sum, s) => sum + s.count, 0), byStatus };
}

/** One page of the use cases the caller may see, filtered and sorted; `nextCursor` is null on the last page. */
export async function listUseCases(db: Db, caller: UseCaseCaller, options: UseCaseListOptions): Promise<{ useCases: UseCase[]; nextCursor: string | null }> {
  const custom = await resolveCustomFieldQuery(db, caller.workspaceId, options);
  const after = options.cursor ? decodeCursor(options.sort, options.cursor, custom.fieldSort?.kind) : null;
  const request = {
    workspaceId: caller.workspaceId,
    viewer: { userId: caller.userId, role: caller.role },
    filters: { ...filtersFor(caller, options), customFields: custom.filters },
    limit: options.limit,
    after,
  };
  const page = custom.fieldSort
    ? await listUseCasePageByField(db, request, custom.fieldSort)
    : await listUseCasePage(db, { ...request, sort: options.sort as UseCaseSort });
  return {
    useCases: page.rows.map((row) => presentUseCaseFor(caller, presentUseCase(row))),
    nextCursor: page.more && page.last ? encodeCursor(options.sort, page.last) : null,
  };
}

/** A use case's history, newest first, for anyone who may read the use case. */
export async function listHistory(
  db: Db,
  caller: UseCaseCaller,
  useCaseId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<{ history: HistoryEntry[]; nextCursor: string | null }> {
  await authoriseUseCase(db, caller, useCaseId, "read");
  const beforeId = options.cursor ? decodeHistoryCursor(options.cursor) : null;
  const page = await listUseCaseHistory(db, useCaseId, { limit: options.limit, beforeId });
  const last = page.rows.at(-1);
  return { history: page.rows.map(presentHistoryEntry), nextCursor: page.more && last ? encodeHistoryCursor(last.id) : null };
}
