import { z } from "zod";
import { createSprint, deleteSprint, moveIssuesToSprint, updateSprint, type SprintPatch } from "../commands/sprint-commands.ts";
import { badRequest, JiraHttpError } from "../http/errors.ts";
import { parseBody, queryInt, queryList } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { SimIssue, SimSprint, SimUser } from "../model/types.ts";
import { renderBoard, renderSprint } from "../render/agile.ts";
import { parseExpand, selectFields } from "../render/field-selection.ts";
import { renderIssue } from "../render/issue.ts";
import type { SimRuntime } from "../runtime.ts";
import type { SearchService } from "../search/search-service.ts";
import { canBrowse, canSeeIssue, jsonResponse, noContent, requireUser, visibleIssue } from "./helpers.ts";
import { param } from "../http/request.ts";

const createSprintSchema = z
  .object({ name: z.string().min(1), originBoardId: z.number().int(), startDate: z.string().optional(), endDate: z.string().optional(), goal: z.string().optional() })
  .strict();
/** SprintBean: read-only fields (id, self, createdDate, originBoardId, completeDate) are accepted and ignored, as Jira does. */
const updateSprintSchema = z
  .object({
    id: z.number().int().optional(),
    self: z.string().optional(),
    name: z.string().optional(),
    state: z.enum(["future", "active", "closed"]).optional(),
    startDate: z.string().nullable().optional(),
    endDate: z.string().nullable().optional(),
    completeDate: z.string().nullable().optional(),
    createdDate: z.string().nullable().optional(),
    originBoardId: z.number().int().optional(),
    goal: z.string().nullable().optional(),
  })
  .strict();
const moveIssuesSchema = z
  .object({ issues: z.array(z.string()), rankBeforeIssue: z.string().optional(), rankAfterIssue: z.string().optional(), rankCustomFieldId: z.number().int().optional() })
  .strict();

const stateOrder: Record<SimSprint["state"], number> = { closed: 0, active: 1, future: 2 };
const epicColors = ["color_1", "color_2", "color_3", "color_4", "color_5", "color_6", "color_7", "color_8"];

function parseDate(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw badRequest([], { [field]: `Invalid date format: ${value}` });
  return parsed;
}

/** Jira Software's Agile 1.0 API: boards, sprints, epics. Issues come back in the v2 shape. */
export function registerAgileRoutes(routes: RouteTable, runtime: SimRuntime, search: SearchService): void {
  const base = "/rest/agile/1.0";
  const ctx = () => runtime.render(2);
  const board = (user: SimUser, id: string) => {
    const found = runtime.store.boards.get(Number(id));
    if (!found || !canBrowse(runtime, user, found.projectId)) throw new JiraHttpError(404, [`Board does not exist or you do not have permission to see it.`]);
    return found;
  };
  const sprint = (user: SimUser, id: string) => {
    const found = runtime.store.sprints.get(Number(id));
    if (!found) throw new JiraHttpError(404, ["Sprint does not exist or you do not have permission to view it."]);
    board(user, String(found.boardId));
    return found;
  };
  const issuePage = async (c: Parameters<Parameters<RouteTable["get"]>[1]>[0], user: SimUser, issues: SimIssue[]) => {
    const jql = c.req.query("jql");
    const filtered = search.filter(user, issues, jql);
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 100);
    const fields = selectFields(queryList(c, "fields"), "*navigable", runtime.store.catalog.fields);
    const expand = parseExpand(queryList(c, "expand"));
    return jsonResponse({
      expand: "schema,names",
      startAt,
      maxResults,
      total: filtered.length,
      issues: filtered.slice(startAt, startAt + maxResults).map((issue) => renderIssue(ctx(), issue, { fields, expand })),
    });
  };

  routes.get(`${base}/board`, (c) => {
    const user = requireUser(c);
    const projectRef = c.req.query("projectKeyOrId");
    const project = projectRef ? runtime.store.projectByIdOrKey(projectRef) : undefined;
    if (projectRef && (!project || !canBrowse(runtime, user, project.id))) {
      throw badRequest([`No project could be found with key or id '${projectRef}'`]);
    }
    const type = c.req.query("type");
    const boards = [...runtime.store.boards.values()]
      .filter((candidate) => canBrowse(runtime, user, candidate.projectId))
      .filter((candidate) => !project || candidate.projectId === project.id)
      .filter((candidate) => !type || type.split(",").includes(candidate.type));
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 50);
    const page = boards.slice(startAt, startAt + maxResults);
    return jsonResponse({ maxResults, startAt, total: boards.length, isLast: startAt + page.length >= boards.length, values: page.map((found) => renderBoard(ctx(), found)) });
  });

  routes.get(`${base}/board/:boardId`, (c) => jsonResponse(renderBoard(ctx(), board(requireUser(c), param(c, "boardId")))));

  routes.get(`${base}/board/:boardId/sprint`, (c) => {
    const found = board(requireUser(c), param(c, "boardId"));
    const states = new Set(queryList(c, "state").flatMap((value) => value.split(",")).filter(Boolean));
    const sprints = [...runtime.store.sprints.values()]
      .filter((candidate) => candidate.boardId === found.id && (states.size === 0 || states.has(candidate.state)))
      .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || a.id - b.id);
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 50);
    const page = sprints.slice(startAt, startAt + maxResults);
    return jsonResponse({ maxResults, startAt, isLast: startAt + page.length >= sprints.length, values: page.map((candidate) => renderSprint(ctx(), candidate)) });
  });

  routes.get(`${base}/board/:boardId/epic`, (c) => {
    const user = requireUser(c);
    const found = board(user, param(c, "boardId"));
    const epics = [...runtime.store.issuesInProject(found.projectId)]
      .map((id) => runtime.store.issues.get(id))
      .filter((issue): issue is SimIssue => issue !== undefined && canSeeIssue(runtime, user, issue) && runtime.store.catalog.issueTypes.find((type) => type.id === issue.issueTypeId)?.hierarchyLevel === 1);
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = Math.min(queryInt(c, "maxResults", 50), 50);
    const page = epics.slice(startAt, startAt + maxResults);
    return jsonResponse({ maxResults, startAt, isLast: startAt + page.length >= epics.length, values: page.map((epic) => renderEpic(runtime, epic)) });
  });

  routes.post(`${base}/sprint`, async (c) => {
    const user = requireUser(c);
    const body = await parseBody(c, createSprintSchema, "SprintCreateBean");
    const origin = board(user, String(body.originBoardId));
    const created = createSprint(runtime.deps, { user, origin: "rest", version: 2 }, origin, {
      name: body.name,
      boardId: origin.id,
      goal: body.goal,
      startDate: parseDate(body.startDate, "startDate"),
      endDate: parseDate(body.endDate, "endDate"),
    });
    return jsonResponse(renderSprint(ctx(), created), 201);
  });

  routes.get(`${base}/sprint/:sprintId`, (c) => jsonResponse(renderSprint(ctx(), sprint(requireUser(c), param(c, "sprintId")))));

  // PUT: a full update (absent fields become null); POST: a partial one (absent fields unchanged).
  for (const full of [true, false]) {
    const register = full ? routes.put.bind(routes) : routes.post.bind(routes);
    register(`${base}/sprint/:sprintId`, async (c) => {
      const user = requireUser(c);
      const found = sprint(user, param(c, "sprintId"));
      const body = await parseBody(c, updateSprintSchema, "SprintBean");
      if (full && body.name === undefined) throw badRequest([], { name: "The sprint name is required." });
      const date = (value: string | null | undefined, field: string) => (value === null || (full && value === undefined) ? null : parseDate(value ?? undefined, field));
      const patch: SprintPatch = {
        name: body.name,
        goal: full ? (body.goal ?? null) : body.goal,
        startDate: date(body.startDate, "startDate"),
        endDate: date(body.endDate, "endDate"),
        state: body.state,
      };
      return jsonResponse(renderSprint(ctx(), updateSprint(runtime.deps, { user, origin: "rest", version: 2 }, found, patch)));
    });
  }

  routes.delete(`${base}/sprint/:sprintId`, (c) => {
    const user = requireUser(c);
    deleteSprint(runtime.deps, { user, origin: "rest", version: 2 }, sprint(user, param(c, "sprintId")));
    return noContent();
  });

  routes.get(`${base}/sprint/:sprintId/issue`, (c) => {
    const user = requireUser(c);
    const found = sprint(user, param(c, "sprintId"));
    const issues = runtime.store.issuesInSprint(found.id).filter((issue) => canSeeIssue(runtime, user, issue));
    return issuePage(c, user, issues);
  });

  routes.post(`${base}/sprint/:sprintId/issue`, async (c) => {
    const user = requireUser(c);
    const found = sprint(user, param(c, "sprintId"));
    const body = await parseBody(c, moveIssuesSchema, "IssueAssignRequestBean");
    if (body.issues.length > 50) throw badRequest(["Cannot move more than 50 issues at once."]);
    const issues = body.issues.map((ref) => visibleIssue(runtime, user, ref));
    moveIssuesToSprint(runtime.deps, { user, origin: "rest", version: 2 }, found, issues);
    return noContent();
  });

  routes.get(`${base}/epic/:epicIdOrKey`, (c) => {
    const user = requireUser(c);
    return jsonResponse(renderEpic(runtime, epicIssue(runtime, user, param(c, "epicIdOrKey"))));
  });

  routes.get(`${base}/epic/:epicIdOrKey/issue`, (c) => {
    const user = requireUser(c);
    const epic = epicIssue(runtime, user, param(c, "epicIdOrKey"));
    const children = runtime.site.flavor === "cloud" ? runtime.store.childrenOf(epic.id) : runtime.store.epicLinkedChildrenOf(epic.id);
    return issuePage(c, user, children.filter((child) => canSeeIssue(runtime, user, child)));
  });
}

function epicIssue(runtime: SimRuntime, user: SimUser, ref: string): SimIssue {
  const issue = runtime.store.issueByIdOrKey(ref);
  const type = issue && runtime.store.catalog.issueTypes.find((candidate) => candidate.id === issue.issueTypeId);
  if (!issue || !canSeeIssue(runtime, user, issue) || type?.hierarchyLevel !== 1) {
    throw new JiraHttpError(404, [`Epic ${ref} does not exist or you do not have permission to see it.`]);
  }
  return visibleIssue(runtime, user, ref);
}

function renderEpic(runtime: SimRuntime, epic: SimIssue) {
  const status = runtime.store.catalog.statuses.find((candidate) => candidate.id === epic.statusId);
  return {
    id: epic.id,
    key: epic.key,
    self: `${runtime.site.baseUrl}/rest/agile/1.0/epic/${epic.id}`,
    name: epic.epicName ?? epic.summary,
    summary: epic.summary,
    color: { key: epicColors[epic.id % epicColors.length] },
    done: status?.category === "done",
  };
}
