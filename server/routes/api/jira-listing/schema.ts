import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { EpicIssuesPage, EpicIssuesQuery } from "../../../../common/contracts/jira-listing.ts";
import { defineRoute } from "../../../http/route.ts";
import { errorResponses, json } from "../responses.ts";
import { UseCaseParams, useCasePath, uuidPathOr404 } from "../use-cases/params.ts";

export const epicIssuesRoute = defineRoute({
  operationId: "listEpicIssues",
  description:
    "Lists the issues of the Epic linked to this use case, as Jira has them, with progress by status category. " +
    "Admins, Moderators (public use cases) and Members on use cases assigned to them; Visitors get 404.",
  method: "get",
  path: `${useCasePath}/jira/issues`,
  tags: ["jira listing"],
  summary:
    "The linked Epic's issues: filtered (type, assignee incl. `unassigned`, status, category, text `q`), sorted (rank, status, updated), paged by `cursor`, with progress for the whole Epic and `fetchedAt`. `refresh=true` loads from Jira now. Admins, Moderators, Members on assigned use cases; not Visitors (404).",
  middleware: [uuidPathOr404("useCaseId")],
  access: { kind: "workspace", action: "workspace.read" },
  request: { params: UseCaseParams, query: EpicIssuesQuery },
  responses: {
    200: json(EpicIssuesPage, "A page of the Epic's issues; `warning` is set when an older list is served because Jira failed"),
    ...errorResponses,
    409: json(ErrorResponse, "Not possible now (codes: feature_disabled, not_connected)"),
    502: json(ErrorResponse, "Jira failed and no earlier list is kept (code: jira_failed; details.jiraCode, details.lastLoadedAt)"),
  },
});
