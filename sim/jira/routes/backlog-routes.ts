import { z } from "zod";
import { moveIssuesToBacklog } from "../commands/sprint-commands.ts";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import { param, parseBody } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { SimBoard, SimUser } from "../model/types.ts";
import { renderBoardConfiguration } from "../render/board-configuration.ts";
import type { SimRuntime } from "../runtime.ts";
import { canBrowse, jsonResponse, noContent, requireUser, restActor, visibleIssue } from "./helpers.ts";

const backlogSchema = z.object({ issues: z.array(z.string()) }).strict();
/** Jira moves at most 50 issues per call, to a sprint as to the backlog. */
const moveLimit = 50;

/** `POST /backlog/issue` and `GET /board/{id}/configuration`, what a planning tool needs beyond sprints. */
export function registerBacklogRoutes(routes: RouteTable, runtime: SimRuntime): void {
  const base = "/rest/agile/1.0";
  const board = (user: SimUser, id: string): SimBoard => {
    const found = runtime.store.boards.get(Number(id));
    if (!found || !canBrowse(runtime, user, found.projectId)) throw new JiraHttpError(404, ["Board does not exist or you do not have permission to see it."]);
    return found;
  };

  routes.post(`${base}/backlog/issue`, async (c) => {
    const actor = restActor(c, 2);
    const body = await parseBody(c, backlogSchema, "IssueAssignRequestBean");
    if (body.issues.length > moveLimit) throw badRequest([`Cannot move more than ${moveLimit} issues at once.`]);
    const issues = body.issues.map((ref) => visibleIssue(runtime, actor.user, ref));
    moveIssuesToBacklog(runtime.deps, actor, issues);
    return noContent();
  });

  routes.get(`${base}/board/:boardId/configuration`, (c) => {
    const found = board(requireUser(c), param(c, "boardId"));
    return jsonResponse(renderBoardConfiguration(runtime.render(2), found));
  });
}
