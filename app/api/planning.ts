import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { PiList, PlanningBoard, PlanningResyncJob, PlanningVersion, ProgramIncrement } from "../../common/contracts/planning.ts";
import { api } from "./client.ts";

const pisPath = (workspaceId: string) => `/workspaces/${workspaceId}/planning/pis`;
const pisKey = (workspaceId: string) => ["workspace", workspaceId, "planning"] as const;
const boardKey = (workspaceId: string, piId: string) => [...pisKey(workspaceId), piId, "board"] as const;

export function useProgramIncrements(workspaceId: string) {
  return useQuery({ queryKey: pisKey(workspaceId), queryFn: () => api.get(pisPath(workspaceId), PiList), retry: false });
}

export type NewPi = { name: string; startsOn: string; endsOn: string; useCaseIds: string[]; teams: Array<{ boardId: number; capacity: number }>; jql?: string | null };

export function useCreatePi(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPi) => api.post(pisPath(workspaceId), ProgramIncrement, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pisKey(workspaceId) }),
  });
}

/**
 * The board, kept current for several planners: a cheap version poll every second reloads the
 * board when anyone (or a Jira webhook) changed it, so others' changes show within 2 s.
 */
export function usePlanningBoard(workspaceId: string, piId: string) {
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: boardKey(workspaceId, piId), queryFn: () => api.get(`${pisPath(workspaceId)}/${piId}/board`, PlanningBoard), retry: false });
  const version = useQuery({
    queryKey: [...boardKey(workspaceId, piId), "version"],
    queryFn: () => api.get(`${pisPath(workspaceId)}/${piId}/version`, PlanningVersion),
    refetchInterval: 1000,
    retry: false,
  });
  const seen = useRef<number | null>(null);
  useEffect(() => {
    const current = version.data?.version;
    if (current === undefined) return;
    if (seen.current !== null && current !== seen.current) void queryClient.invalidateQueries({ queryKey: boardKey(workspaceId, piId), exact: true });
    seen.current = current;
  }, [version.data?.version, queryClient, workspaceId, piId]);
  return board;
}

const Moved = z.object({ issueKey: z.string(), sprintId: z.number().nullable(), teamId: z.string().nullable(), jiraRequests: z.number() });

export function useMoveCard(workspaceId: string, piId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ issueKey, sprintId, teamId }: { issueKey: string; sprintId: number | null; teamId: string | null }) =>
      api.post(`${pisPath(workspaceId)}/${piId}/cards/${issueKey}/move`, Moved, { sprintId, ...(teamId ? { teamId } : {}) }),
    // Show the move at once; the server's answer (or refusal) replaces it.
    onMutate: async ({ issueKey, sprintId, teamId }) => {
      await queryClient.cancelQueries({ queryKey: boardKey(workspaceId, piId), exact: true });
      queryClient.setQueryData<PlanningBoard>(boardKey(workspaceId, piId), (board) =>
        board ? { ...board, cards: board.cards.map((card) => (card.key === issueKey ? { ...card, sprintId, teamId: teamId ?? card.teamId } : card)) } : board,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKey(workspaceId, piId), exact: true }),
  });
}

/** Queues a re-sync of the PI, or of one team's board; the answer is the job, which useResyncJob follows. */
export function useResyncPi(workspaceId: string, piId: string) {
  return useMutation({
    mutationFn: (teamId: string | null) => api.post(`${pisPath(workspaceId)}/${piId}/resync${teamId ? `?teamId=${encodeURIComponent(teamId)}` : ""}`, PlanningResyncJob),
  });
}

/** Polls a re-sync job twice a second until it is done or failed; then reloads the board once. */
export function useResyncJob(workspaceId: string, piId: string, jobId: string | null) {
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: [...boardKey(workspaceId, piId), "resync", jobId],
    queryFn: () => api.get(`${pisPath(workspaceId)}/${piId}/resync/${jobId ?? ""}`, PlanningResyncJob),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === "done" || query.state.data?.state === "failed" ? false : 500),
    retry: false,
  });
  const finished = job.data?.state === "done" || job.data?.state === "failed";
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: boardKey(workspaceId, piId), exact: true });
  }, [finished, queryClient, workspaceId, piId]);
  return job;
}
