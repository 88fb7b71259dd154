import { useParams, useSearchParams } from "react-router";
import type { UseCaseFilters } from "../api/use-cases.ts";
import { useStatuses } from "../api/workspaces.ts";
import { statusIdFromParam, statusParamFromId } from "./status-slug.ts";

const filterNames = ["status", "assignee", "tag", "q", "sort"] as const;

/**
 * Filters live in the URL so a filtered list or board can be bookmarked, shared, and kept when
 * switching between them. The status is there by name (`?status=in-progress`); the filters handed
 * out carry its id, as the API wants. `ready` is false while a status in the URL waits for the
 * workflow to load (a query then would briefly show the unfiltered list).
 */
export function useFiltersInUrl(): [UseCaseFilters, (filters: UseCaseFilters) => void, boolean] {
  const [params, setParams] = useSearchParams();
  const statuses = useStatuses(useParams().workspaceId ?? "").data?.statuses;
  const filters: UseCaseFilters = {};
  for (const name of filterNames) filters[name] = params.get(name) ?? undefined;
  const cf = params.getAll("cf");
  if (cf.length > 0) filters.cf = cf;
  const statusParam = params.get("status");
  const statusId = statusParam ? statusIdFromParam(statusParam, statuses) : null;
  filters.status = statusId ?? undefined;
  const setFilters = (next: UseCaseFilters) => {
    const search = new URLSearchParams();
    for (const name of filterNames) {
      const value = next[name];
      if (value) search.set(name, name === "status" ? statusParamFromId(value, statuses) : value);
    }
    for (const filter of next.cf ?? []) search.append("cf", filter);
    setParams(search, { replace: true });
  };
  return [filters, setFilters, statusId !== undefined];
}
