import { useQuery } from "@tanstack/react-query";
import { AssignablePeople, AssigneeFilterResult } from "../../common/contracts/planning-assignees.ts";
import { api } from "./client.ts";

/** The assignee filter (ADR 0016): people and matching cards come from Jira on every ask; nothing is kept beyond the query cache. */
export type AssigneeChoice = { kind: "me" } | { kind: "unassigned" } | { kind: "person"; jiraUserId: string; displayName: string };

const piPath = (workspaceId: string, piId: string) => `/workspaces/${workspaceId}/planning/pis/${piId}`;
const assigneesKey = (workspaceId: string, piId: string) => ["workspace", workspaceId, "planning", piId, "assignees"] as const;

export function choiceQuery(choice: AssigneeChoice): string {
  if (choice.kind === "me") return "me=true";
  if (choice.kind === "unassigned") return "unassigned=true";
  return `assignee=${encodeURIComponent(choice.jiraUserId)}`;
}

/** The people the PI's cards can be assigned to, narrowed by `search`; asked only once the picker is opened. */
export function usePlanningAssignees(workspaceId: string, piId: string, search: string, enabled: boolean) {
  return useQuery({
    queryKey: [...assigneesKey(workspaceId, piId), "people", search],
    queryFn: () => api.get(`${piPath(workspaceId, piId)}/assignees${search ? `?query=${encodeURIComponent(search)}` : ""}`, AssignablePeople),
    enabled,
    staleTime: 60_000,
    retry: false,
    placeholderData: (previous) => previous,
  });
}

/**
 * The cards the chosen person holds. Asked again when the board's version moves (cards came or
 * went); while that answer is on its way the previous one for the same choice stays.
 */
export function useAssigneeFilter(workspaceId: string, piId: string, choice: AssigneeChoice | null, boardVersion: number) {
  const query = choice ? choiceQuery(choice) : null;
  return useQuery({
    queryKey: [...assigneesKey(workspaceId, piId), "filter", query, boardVersion],
    queryFn: () => api.get(`${piPath(workspaceId, piId)}/assignee-filter?${query ?? ""}`, AssigneeFilterResult),
    enabled: query !== null,
    staleTime: 30_000,
    retry: false,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[6] === query ? previous : undefined),
  });
}
