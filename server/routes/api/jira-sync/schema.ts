import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import { JiraMapping, MappingImpact, MappingResponse, SaveMappingBody } from "../../../../common/contracts/jira-mapping.ts";
import { JiraLink, LinkBody, SyncLogPage, SyncLogQuery, UnlinkQuery, UseCaseJiraResponse } from "../../../../common/contracts/jira-sync.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, noContent } from "../responses.ts";
import { UseCaseParams, useCasePath, uuidPathOr404 } from "../use-cases/params.ts";

const tags = ["jira sync"];
const integration = `${workspacePath}/integrations/jira`;
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const conflict = json(ErrorResponse, "Not possible in the current state (codes: not_connected, mapping_required, feature_disabled, already_linked, issue_already_linked, version_conflict)");
const jiraFailed = json(ErrorResponse, "Jira failed; the message says what to do (code: jira_failed)");
const useCaseRoute = { middleware: [uuidPathOr404("useCaseId")], access: { kind: "workspace", action: "workspace.read" } as const };

export const getMappingRoute = defineRoute({
  method: "get",
  path: `${integration}/mapping`,
  tags,
  summary: "The field mapping (or the proposed default when none is saved), unmatched members, problems, re-sync progress",
  access: { kind: "workspace", action: "integration.fieldMapping" },
  request: { params: WorkspaceParams },
  responses: { 200: json(MappingResponse.extend({ resync: z.object({ total: z.int(), done: z.int() }) }), "The mapping"), ...errorResponses, 409: conflict },
});

export const saveMappingRoute = defineRoute({
  method: "put",
  path: `${integration}/mapping`,
  tags,
  summary: "Check and save the mapping (Admin, Moderator); `dryRun=true` only says what would change. Saving re-syncs affected use cases.",
  access: { kind: "workspace", action: "integration.fieldMapping" },
  request: { params: WorkspaceParams, query: z.object({ dryRun: z.enum(["true", "false"]).optional() }), body: body(SaveMappingBody) },
  responses: {
    200: json(z.object({ mapping: JiraMapping, version: z.int().nullable(), dryRun: z.boolean(), impact: MappingImpact }), "Saved (or what would change)"),
    ...errorResponses,
    409: conflict,
  },
});

export const syncLogRoute = defineRoute({
  method: "get",
  path: `${integration}/sync-log`,
  tags,
  summary: "The workspace's sync log, newest first, filtered and paged (Admin, Moderator)",
  access: { kind: "workspace", action: "integration.setup" },
  request: { params: WorkspaceParams, query: SyncLogQuery },
  responses: { 200: json(SyncLogPage, "A page of entries"), ...errorResponses },
});

export const useCaseJiraRoute = defineRoute({
  method: "get",
  path: `${useCasePath}/jira`,
  tags,
  summary: "The use case's Jira link, sync state, the caller's abilities and the last sync-log entries (not for Visitors)",
  ...useCaseRoute,
  request: { params: UseCaseParams },
  responses: { 200: json(UseCaseJiraResponse, "Link and state"), ...errorResponses },
});

export const linkRoute = defineRoute({
  method: "post",
  path: `${useCasePath}/jira/link`,
  tags,
  summary: "Create an Epic from the use case (`{ create: true }`) or link an existing issue (`{ issueKey }`)",
  ...useCaseRoute,
  request: { params: UseCaseParams, body: body(LinkBody) },
  responses: { 201: json(z.object({ link: JiraLink }), "Linked; `link.state` says whether Jira has caught up"), ...errorResponses, 409: conflict, 502: jiraFailed },
});

export const unlinkRoute = defineRoute({
  method: "delete",
  path: `${useCasePath}/jira/link`,
  tags,
  summary: "Unlink; `deleteInJira=true` also deletes the issue (needs Jira's DELETE_ISSUES)",
  ...useCaseRoute,
  request: { params: UseCaseParams, query: UnlinkQuery },
  responses: { ...noContent, ...errorResponses, 502: jiraFailed },
});

export const syncNowRoute = defineRoute({
  method: "post",
  path: `${useCasePath}/jira/sync`,
  tags,
  summary: "Sync this use case with its issue now",
  ...useCaseRoute,
  request: { params: UseCaseParams },
  responses: { 200: json(z.object({ link: JiraLink }), "The link after the sync"), ...errorResponses },
});
