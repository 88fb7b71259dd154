import type { z } from "zod";
import type { JiraHttp } from "./http.ts";
import { chunk, offsetPaged } from "./pagination.ts";
import { boardSchema, ignoredBodySchema, offsetPageSchema, sprintSchema } from "./schemas.ts";
import type { JiraBoard, JiraSprint, SprintDraft } from "./types.ts";

/** Jira Software's agile API (`/rest/agile/1.0`) is the same on Cloud and Data Center. */

const agile = "/rest/agile/1.0";
const pageSize = 50;
/** `POST /sprint/{id}/issue` takes at most 50 issues per call. */
const sprintMoveLimit = 50;

export function boardsForProject(http: JiraHttp, projectKey: string): AsyncIterable<JiraBoard> {
  return mapIterable(
    offsetPaged((startAt) =>
      http.request({
        method: "GET",
        path: `${agile}/board`,
        query: { projectKeyOrId: projectKey, startAt, maxResults: pageSize },
        schema: offsetPageSchema(boardSchema),
      }),
    ),
    (board) => ({ id: board.id, name: board.name, type: board.type, projectKey: board.location?.projectKey ?? null }),
  );
}

export async function getBoard(http: JiraHttp, boardId: number): Promise<JiraBoard> {
  const board = await http.request({ method: "GET", path: `${agile}/board/${boardId}`, schema: boardSchema });
  return { id: board.id, name: board.name, type: board.type, projectKey: board.location?.projectKey ?? null };
}

export function sprintsForBoard(
  http: JiraHttp,
  boardId: number,
  states: Array<"future" | "active" | "closed"> | undefined,
): AsyncIterable<JiraSprint> {
  return mapIterable(
    offsetPaged((startAt) =>
      http.request({
        method: "GET",
        path: `${agile}/board/${boardId}/sprint`,
        query: { startAt, maxResults: pageSize, state: states && states.length > 0 ? states : undefined },
        schema: offsetPageSchema(sprintSchema),
      }),
    ),
    toSprint,
  );
}

export async function getSprint(http: JiraHttp, sprintId: number): Promise<JiraSprint> {
  return toSprint(await http.request({ method: "GET", path: `${agile}/sprint/${sprintId}`, schema: sprintSchema }));
}

export async function createSprint(http: JiraHttp, draft: SprintDraft): Promise<JiraSprint> {
  const sprint = await http.request({
    method: "POST",
    path: `${agile}/sprint`,
    body: {
      name: draft.name,
      originBoardId: draft.boardId,
      ...(draft.startDate ? { startDate: draft.startDate } : {}),
      ...(draft.endDate ? { endDate: draft.endDate } : {}),
      ...(draft.goal ? { goal: draft.goal } : {}),
    },
    schema: sprintSchema,
    permission: "MANAGE_SPRINTS_PERMISSION",
  });
  return toSprint(sprint);
}

/** Moving issues into a sprint is idempotent (the end state is the same), so it may be retried. */
export async function moveIssuesToSprint(http: JiraHttp, sprintId: number, issueKeys: string[]): Promise<void> {
  for (const keys of chunk(issueKeys, sprintMoveLimit)) {
    await http.request({
      method: "POST",
      path: `${agile}/sprint/${sprintId}/issue`,
      body: { issues: keys },
      schema: ignoredBodySchema,
      idempotent: true,
      permission: "MANAGE_SPRINTS_PERMISSION",
    });
  }
}

/** Takes issues out of their active or future sprint (closed sprints stay in their history). */
export async function moveIssuesToBacklog(http: JiraHttp, issueKeys: string[]): Promise<void> {
  for (const keys of chunk(issueKeys, sprintMoveLimit)) {
    await http.request({
      method: "POST",
      path: `${agile}/backlog/issue`,
      body: { issues: keys },
      schema: ignoredBodySchema,
      idempotent: true,
      permission: "MANAGE_SPRINTS_PERMISSION",
    });
  }
}

function toSprint(sprint: z.infer<typeof sprintSchema>): JiraSprint {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    originBoardId: sprint.originBoardId ?? null,
    goal: sprint.goal,
  };
}

export async function* mapIterable<A, B>(source: AsyncIterable<A>, map: (a: A) => B): AsyncGenerator<B> {
  for await (const item of source) yield map(item);
}
