import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { JiraMapping, MappingImpact, MappingResponse, SaveMappingBody } from "../../../../common/contracts/jira-mapping.ts";
import { JiraLink, LinkBody, SyncLogPage, SyncLogQuery, UnlinkQuery, UseCaseJiraResponse } from "../../../../common/contracts/jira-sync.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";
import { UseCaseParams, useCasePath, uuidPathOr404 } from "../use-cases/params.ts";

const tags = ["jira sync"];
const integration = `${workspacePath}/integrations/jira`;
const conflict = json(ErrorResponse, "Not possible in the current state (codes: not_connected, mapping_required, feature_disabled, already_linked, issue_already_linked, version_conflict)");
const mappingConflict = json(ErrorResponse, "No connection, or Jira metadata never loaded, or someone saved since you read (codes: not_connected, conflict, version_conflict)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");
const useCaseRoute = { middleware: [uuidPathOr404("useCaseId")], access: { kind: "workspace", action: "workspace.read" } as const };

export const getMappingRoute = defineRoute({
  operationId: "getJiraMapping",
  description:
    "Returns the saved field mapping, or the proposed default when none is saved, with members that match no Jira user, " +
    "problems found, and the progress of the re-sync a save started. Admins and Moderators.",
  method: "get",
  path: `${integration}/mapping`,
  tags,
  summary: "The field mapping (or the proposed default when none is saved), unmatched members, problems, re-sync progress",
  access: { kind: "workspace", action: "integration.fieldMapping" },
  request: { params: WorkspaceParams },
  responses: {
    200: json(MappingResponse.extend({ resync: z.object({ total: z.int(), done: z.int() }) }), "The mapping"),
    ...errorResponses,
    409: json(ErrorResponse, "No connection, or Jira metadata never loaded (codes: not_connected, conflict)"),
  },
});

export const saveMappingRoute = defineRoute({
  operationId: "saveJiraMapping",
  description:
    "Checks the mapping against the Jira metadata and saves it; linked use cases whose mapped fields changed are re-synced. " +
    "With `dryRun=true` nothing is saved: the answer says what would change. Send the `version` you read. Admins and Moderators.",
  method: "put",
  path: `${integration}/mapping`,
  tags,
  summary: "Check and save the mapping (Admin, Moderator); `dryRun=true` only says what would change. Saving re-syncs affected use cases.",
  access: { kind: "workspace", action: "integration.fieldMapping" },
  request: {
    params: WorkspaceParams,
    query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
    body: jsonBody(SaveMappingBody, {
      version: 3,
      projectKey: "TETH",
      issueTypeId: "10000",
      fields: [
        { tetherField: "title", jiraField: "summary", direction: "both" },
        { tetherField: "description", jiraField: "description", direction: "both" },
        { tetherField: "wsjf", jiraField: "customfield_10042", direction: "to_jira" },
      ],
      priorityMap: [{ priority: "high", jiraPriorityId: "2" }],
      conflictPolicy: "newest_wins",
    }),
  },
  responses: {
    200: json(z.object({ mapping: JiraMapping, version: z.int().nullable(), dryRun: z.boolean(), impact: MappingImpact }), "Saved (or what would change)"),
    ...errorResponses,
    400: json(ErrorResponse, "Invalid request, or a mapping Jira would refuse (codes: validation_failed, invalid_json, mapping_invalid; details lists the problems)"),
    409: mappingConflict,
  },
});

export const syncLogRoute = defineRoute({
  operationId: "listSyncLog",
  description:
    "Lists the workspace's sync operations (what changed, which way, the outcome and why), newest first, filtered and " +
    "cursor-paginated. Admins and Moderators.",
  method: "get",
  path: `${integration}/sync-log`,
  tags,
  summary: "The workspace's sync log, newest first, filtered and paged (Admin, Moderator)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams, query: SyncLogQuery },
  responses: { 200: json(SyncLogPage, "A page of entries"), ...errorResponses },
});

export const useCaseJiraRoute = defineRoute({
  operationId: "getUseCaseJiraLink",
  description:
    "Returns the use case's Jira link (issue key, sync state: ok, pending, retrying, blocked with the reason and the fix, broken), " +
    "what the caller may do with it, and its last sync-log entries; `link` is null when unlinked. Admins, Moderators and Members " +
    "who may see the use case; Visitors get 404.",
  method: "get",
  path: `${useCasePath}/jira`,
  tags,
  summary: "The use case's Jira link, sync state, the caller's abilities and the last sync-log entries (not for Visitors)",
  ...useCaseRoute,
  request: { params: UseCaseParams },
  responses: { 200: json(UseCaseJiraResponse, "Link and state"), ...errorResponses },
});

export const linkRoute = defineRoute({
  operationId: "linkUseCaseToJira",
  description:
    "Creates an Epic in Jira from the use case (`{ \"create\": true }`, idempotent across retries) or links an existing issue " +
    "(`{ \"issueKey\": \"TETH-12\" }`); from then on mapped fields sync both ways. Admins, Moderators on public use cases, " +
    "Members on use cases assigned to them.",
  method: "post",
  path: `${useCasePath}/jira/link`,
  tags,
  summary: "Create an Epic from the use case (`{ create: true }`) or link an existing issue (`{ issueKey }`)",
  ...useCaseRoute,
  request: { params: UseCaseParams, body: jsonBody(LinkBody, { issueKey: "TETH-12" }) },
  responses: {
    201: json(z.object({ link: JiraLink }), "Linked; `link.state` says whether Jira has caught up"),
    ...errorResponses,
    400: json(ErrorResponse, "Invalid request, or an issue Tether cannot link (codes: validation_failed, invalid_json, jira_issue_not_found, jira_issue_not_epic, jira_project_not_mapped)"),
    409: conflict,
    502: jiraFailed,
  },
});

export const unlinkRoute = defineRoute({
  operationId: "unlinkUseCaseFromJira",
  description:
    "Removes the use case's link to its Jira issue; with `deleteInJira=true` the issue is deleted in Jira too (the Jira account " +
    "needs Delete Issues). Same callers as linking.",
  method: "delete",
  path: `${useCasePath}/jira/link`,
  tags,
  summary: "Unlink; `deleteInJira=true` also deletes the issue (needs Jira's DELETE_ISSUES)",
  ...useCaseRoute,
  request: { params: UseCaseParams, query: UnlinkQuery },
  responses: { ...noContent, ...errorResponses, 502: jiraFailed },
});

export const syncNowRoute = defineRoute({
  operationId: "syncUseCaseNow",
  description:
    "Runs the use case's sync with its Jira issue now instead of waiting for the queue; the answer is the link after the run. " +
    "Same callers as linking.",
  method: "post",
  path: `${useCasePath}/jira/sync`,
  tags,
  summary: "Sync this use case with its issue now",
  ...useCaseRoute,
  request: { params: UseCaseParams },
  responses: { 200: json(z.object({ link: JiraLink }), "The link after the sync"), ...errorResponses },
});
