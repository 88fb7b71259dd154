import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { AssignablePeople, AssignablePeopleQuery, AssigneeFilterQuery, AssigneeFilterResult } from "../../../../common/contracts/planning-assignees.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json } from "../responses.ts";
import { uuidPathOr404 } from "../use-cases/params.ts";

/** The board's assignee filter (docs/adr/0016-planning-assignee-filter.md): asked of Jira live, nothing stored. */
const tags = ["planning"];
const pi = `${workspacePath}/planning/pis/{piId}`;
const view = { kind: "workspace", action: "planning.view" } as const;
const PiParams = WorkspaceParams.extend({ piId: z.uuid() });
const readers = "Admins, Moderators and Members (whoever may read the board); not Visitors.";
const jiraErrors = {
  ...errorResponses,
  409: json(ErrorResponse, "Not possible now (codes: feature_disabled, not_connected)"),
  422: json(ErrorResponse, "Jira refuses the question, or Tether cannot tell which Jira account is the caller's for `me` (code: planning_refused; details.reason jira_account_unknown)"),
  502: json(ErrorResponse, "Jira failed or could not be reached (code: jira_failed); try again"),
};

export const listAssigneesRoute = defineRoute({
  method: "get",
  path: `${pi}/assignees`,
  operationId: "listPlanningAssignees",
  tags,
  summary: "People the PI's cards can be assigned to",
  description: `Asks Jira which users may be assigned issues in the projects of the PI's teams (one request per project), optionally narrowed by a search string; answers Jira user ids and display names, sorted by name, at most 50. Nothing is stored. ${readers}`,
  access: view,
  middleware: [uuidPathOr404("piId")],
  request: { params: PiParams, query: AssignablePeopleQuery },
  responses: { 200: json(AssignablePeople, "The people to pick from"), ...jiraErrors },
});

export const filterByAssigneeRoute = defineRoute({
  method: "get",
  path: `${pi}/assignee-filter`,
  operationId: "filterPlanningCardsByAssignee",
  tags,
  summary: "The PI's cards one person holds",
  description:
    "Asks Jira which of the PI's cards are assigned to a person (`assignee`, a Jira user id), to the caller (`me`) or to nobody (`unassigned`): " +
    `one JQL search per 100 cards that reads no field values. Answers issue ids and keys only; Tether stores no assignee. ${readers}`,
  access: view,
  middleware: [uuidPathOr404("piId")],
  request: { params: PiParams, query: AssigneeFilterQuery },
  responses: { 200: json(AssigneeFilterResult, "The matching cards"), ...jiraErrors },
});
