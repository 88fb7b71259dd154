import { useSearchParams } from "react-router";
import type { UseCaseFilters } from "../api/use-cases.ts";

const filterNames = ["status", "assignee", "tag", "q", "sort"] as const;

/** Filters live in the URL so a filtered list or board can be bookmarked, shared, and kept when switching between them. */
export function useFiltersInUrl(): [UseCaseFilters, (filters: UseCaseFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: UseCaseFilters = {};
  for (const name of filterNames) filters[name] = params.get(name) ?? undefined;
  const setFilters = (next: UseCaseFilters) => {
    const search = new URLSearchParams();
    for (const name of filterNames) {
      const value = next[name];
      if (value) search.set(name, value);
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}
