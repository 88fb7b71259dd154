import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import {
  CreateCardBody,
  CreateDependencyBody,
  CreatePiBody,
  CreateSprintBody,
  DeleteCardResult,
  EditCardBody,
  MoveCardBody,
  PiList,
  PlanningBoard,
  PlanningSprint,
  PlanningVersion,
  PlanningResyncJob,
  ProgramIncrement,
} from "../../../../common/contracts/planning.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";
import { uuidPathOr404 } from "../use-cases/params.ts";

const tags = ["planning"];
const pis = `${workspacePath}/planning/pis`;
const pi = `${pis}/{piId}`;
const view = { kind: "workspace", action: "planning.view" } as const;
const setup = { kind: "workspace", action: "planning.setup" } as const;
const PiParams = WorkspaceParams.extend({ piId: z.uuid() });
const CardParams = PiParams.extend({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/) });
const piMiddleware = [uuidPathOr404("piId")];
const notNow = json(ErrorResponse, "Not possible now (codes: feature_disabled, not_connected)");
const refused = json(ErrorResponse, "Jira or the plan refuses this (code: planning_refused): closed sprint, sprint or board the account cannot use, unknown link type, move across projects, missing Manage Sprints; nothing was changed");
const jiraFailed = json(ErrorResponse, "Jira failed (code: jira_failed); nothing was changed in Tether");
const planners = "Admins and Moderators on every card, Members on cards of use cases assigned to them; not Visitors.";
const writeErrors = { ...errorResponses, 409: notNow, 422: refused, 502: jiraFailed };

export const listPisRoute = defineRoute({
  method: "get",
  path: pis,
  operationId: "listProgramIncrements",
  tags,
  summary: "List program increments",
  description: "The workspace's program increments (PIs) with their teams. Admins, Moderators and Members; not Visitors.",
  access: view,
  request: { params: WorkspaceParams },
  responses: { 200: json(PiList, "The PIs, newest first"), ...errorResponses },
});

export const createPiRoute = defineRoute({
  method: "post",
  path: pis,
  operationId: "createProgramIncrement",
  tags,
  summary: "Create a program increment",
  description: "Creates a PI (name, dates, Jira boards as teams with a capacity per sprint, use cases, optional JQL and WSJF field) and pulls its sprints, cards and dependencies from Jira. Every board must be visible to the connection, else nothing is stored. Admins and Moderators.",
  access: setup,
  request: { params: WorkspaceParams, body: jsonBody(CreatePiBody, { name: "PI 2027.1", startsOn: "2027-01-04", endsOn: "2027-03-26", teams: [{ boardId: 1, capacity: 40 }], useCaseIds: ["0b8f6c52-6f7e-4f57-9d8a-0d4a4d1f2c11"] }) },
  responses: { 201: json(ProgramIncrement, "Created and synced"), ...writeErrors },
});

export const getBoardRoute = defineRoute({
  method: "get",
  path: `${pi}/board`,
  operationId: "getPlanningBoard",
  tags,
  summary: "The planning board of a PI",
  description: `Sprints × teams plus "not planned": cards (key, summary, type, status, story points, WSJF, Epic/use case), dependencies (backwards ones flagged) and load vs capacity. Cards say whether the caller may plan them (${planners})`,
  access: view,
  middleware: piMiddleware,
  request: { params: PiParams },
  responses: { 200: json(PlanningBoard, "The board"), ...errorResponses, 409: notNow },
});

export const getVersionRoute = defineRoute({
  method: "get",
  path: `${pi}/version`,
  operationId: "getPlanningBoardVersion",
  tags,
  summary: "The board's version",
  description: "A number that grows with every change to the PI's board: poll it (cheap) and reload the board when it moves. Admins, Moderators and Members.",
  access: view,
  middleware: piMiddleware,
  request: { params: PiParams },
  responses: { 200: json(PlanningVersion, "The version"), ...errorResponses },
});

export const resyncPiRoute = defineRoute({
  method: "post",
  path: `${pi}/resync`,
  operationId: "resyncProgramIncrement",
  tags,
  summary: "Queue a re-sync of a PI from Jira",
  description:
    "Queues a job that pulls the PI's sprints, issues and links from Jira again and replaces the board's cards and dependencies; " +
    "answers 202 with the job, whose progress getProgramIncrementResync reports. With ?teamId only that team's board is walked and its cards replaced. Admins and Moderators.",
  access: setup,
  middleware: piMiddleware,
  request: { params: PiParams, query: z.object({ teamId: z.uuid().optional().openapi({ description: "Re-sync only this team's board (a team of the PI)" }) }) },
  responses: { 202: json(PlanningResyncJob, "Queued; poll the job for progress"), ...writeErrors },
});

export const getResyncRoute = defineRoute({
  method: "get",
  path: `${pi}/resync/{jobId}`,
  operationId: "getProgramIncrementResync",
  tags,
  summary: "Progress of a PI re-sync",
  description: "Returns a queued PI re-sync's state, phase (sprints, issues, links, saving), done of total and, once done, what was taken in. Admins and Moderators.",
  access: setup,
  middleware: [...piMiddleware, uuidPathOr404("jobId")],
  request: { params: PiParams.extend({ jobId: z.uuid() }) },
  responses: { 200: json(PlanningResyncJob, "Progress"), ...errorResponses },
});

export const createSprintRoute = defineRoute({
  method: "post",
  path: `${pi}/sprints`,
  operationId: "createPlanningSprint",
  tags,
  summary: "Create a sprint in Jira for a team",
  description: "Creates a future sprint on the team's board (needs Jira's Manage Sprints; without it the answer says how to get it) and adds it to the PI. Admins and Moderators.",
  access: setup,
  middleware: piMiddleware,
  request: { params: PiParams, body: jsonBody(CreateSprintBody, { teamId: "5d1f0a9e-2f8b-4c1e-8a51-7c3e9b0d6a22", name: "Team A Sprint 3", startDate: "2027-01-18T09:00:00.000Z", endDate: "2027-01-29T17:00:00.000Z" }) },
  responses: { 201: json(PlanningSprint, "Created"), ...writeErrors },
});

export const moveCardRoute = defineRoute({
  method: "post",
  path: `${pi}/cards/{issueKey}/move`,
  operationId: "movePlanningCard",
  tags,
  summary: "Move a card to a sprint or team",
  description: `One Agile API call (sprint or backlog); a team on another Jira project is refused. ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: CardParams, body: jsonBody(MoveCardBody, { sprintId: 12 }) },
  responses: { 200: json(z.object({ issueKey: z.string(), sprintId: z.int().nullable(), teamId: z.uuid().nullable(), jiraRequests: z.int() }), "Moved"), ...writeErrors },
});

export const createCardRoute = defineRoute({
  method: "post",
  path: `${pi}/cards`,
  operationId: "createPlanningCard",
  tags,
  summary: "Create a card in a cell",
  description: `Creates a Jira issue of the chosen type under the chosen Epic, in the cell's sprint, with its story points. ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: PiParams, body: jsonBody(CreateCardBody, { teamId: "5d1f0a9e-2f8b-4c1e-8a51-7c3e9b0d6a22", sprintId: 12, epicKey: "TETH-1", issueTypeId: "10001", summary: "Export the report as CSV", storyPoints: 3 }) },
  responses: { 201: json(z.object({ issueKey: z.string(), issueId: z.string() }), "Created"), ...writeErrors },
});

export const editCardRoute = defineRoute({
  method: "patch",
  path: `${pi}/cards/{issueKey}`,
  operationId: "editPlanningCard",
  tags,
  summary: "Edit a card",
  description: `Pushes summary, story points and the PI's WSJF field to Jira in one write. ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: CardParams, body: jsonBody(EditCardBody, { summary: "Export the report as CSV and XLSX", storyPoints: 5 }) },
  responses: { 200: json(z.object({ issueKey: z.string() }), "Saved"), ...writeErrors },
});

export const deleteCardRoute = defineRoute({
  method: "delete",
  path: `${pi}/cards/{issueKey}`,
  operationId: "deletePlanningCard",
  tags,
  summary: "Delete a card",
  description: `Deletes the issue in Jira when the connection has Delete Issues, otherwise takes it off the board and says so. ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: CardParams },
  responses: { 200: json(DeleteCardResult, "Deleted or taken off the board"), ...writeErrors },
});

export const createDependencyRoute = defineRoute({
  method: "post",
  path: `${pi}/dependencies`,
  operationId: "createPlanningDependency",
  tags,
  summary: "Draw a dependency",
  description: `Creates a Jira issue link of the chosen type: from blocks to. An unknown link type is refused. ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: PiParams, body: jsonBody(CreateDependencyBody, { linkType: "Blocks", fromIssueKey: "TETH-12", toIssueKey: "TETH-15" }) },
  responses: { 201: json(z.object({ linkId: z.string(), linkType: z.string(), fromIssueId: z.string(), toIssueId: z.string() }), "Linked"), ...writeErrors },
});

export const removeDependencyRoute = defineRoute({
  method: "delete",
  path: `${pi}/dependencies/{linkId}`,
  operationId: "removePlanningDependency",
  tags,
  summary: "Remove a dependency",
  description: `Deletes the Jira issue link (already gone in Jira counts as done). ${planners}`,
  access: view,
  middleware: piMiddleware,
  request: { params: PiParams.extend({ linkId: z.string().min(1).max(64) }) },
  responses: { ...noContent, ...writeErrors },
});
