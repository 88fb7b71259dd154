import { z } from "zod";
import { ErrorResponse } from "../../../../common/contracts/errors.ts";
import {
  CommentBody,
  CommentList,
  CommentResponse,
  CountUseCasesQuery,
  CreateUseCaseBody,
  HistoryList,
  HistoryQuery,
  ListUseCasesQuery,
  UpdateUseCaseBody,
  UseCaseCounts,
  UseCaseList,
  UseCaseResponse,
} from "../../../../common/contracts/use-cases.ts";
import { defineRoute } from "../../../http/route.ts";
import { WorkspaceParams, workspacePath } from "../params.ts";
import { errorResponses, json, jsonBody, noContent } from "../responses.ts";
import { CommentParams, commentPath, UseCaseParams, useCasePath, useCasesPath, uuidPathOr404 } from "./params.ts";

const read = { kind: "workspace", action: "workspace.read" } as const;
const tags = ["use cases"];
const withEtag = <T>(schema: T, description: string) => ({
  ...json(schema, description),
  headers: z.object({ ETag: z.string().meta({ description: 'The use case\'s version, as `"<version>"`; send it back in If-Match' }) }),
});
const IfMatch = z.object({ "if-match": z.string().max(100).optional() });
const conflict = json(ErrorResponse, "The use case changed since you read it (code: version_conflict; details.currentVersion)");

export const listUseCasesRoute = defineRoute({
  method: "get",
  path: useCasesPath,
  tags,
  summary: "Use cases you may see, filtered, sorted and cursor-paginated",
  operationId: "listUseCases",
  description:
    "Lists the use cases you may see, one page at a time: every public one, and assigned-only ones where you are the assignee " +
    "or a member (Admins and Moderators see all). Any workspace member. " +
    "`q` matches a case-insensitive substring of title or description (ILIKE; `%` and `_` are literal). " +
    "`status` and `tag` repeat or take comma lists; several tags mean all of them. Nulls sort last; ties break by id.",
  access: read,
  request: { params: WorkspaceParams, query: ListUseCasesQuery },
  responses: { 200: json(UseCaseList, "One page; nextCursor is null on the last"), ...errorResponses },
});

export const countUseCasesRoute = defineRoute({
  operationId: "countUseCases",
  description:
    "Counts the use cases you may see per status, under the same filters as `listUseCases` (the board's column totals). " +
    "Any workspace member.",
  method: "get",
  path: `${workspacePath}/use-case-counts`,
  tags,
  summary: "How many use cases you may see, per status, under the list's filters (board columns)",
  access: read,
  request: { params: WorkspaceParams, query: CountUseCasesQuery },
  responses: { 200: json(UseCaseCounts, "Counts"), ...errorResponses },
});

export const createUseCaseRoute = defineRoute({
  operationId: "createUseCase",
  description:
    "Creates a use case; omitted fields take their defaults (first status, medium priority, public). The answer's `ETag` is " +
    "its version. Admins, Moderators and Members; Visitors get 403.",
  method: "post",
  path: useCasesPath,
  tags,
  summary: "Create a use case (Admin, Moderator, Member)",
  access: { kind: "workspace", action: "useCase.create" },
  request: {
    params: WorkspaceParams,
    body: jsonBody(CreateUseCaseBody, {
      title: "Predict churn from support tickets",
      description: "Flag accounts likely to leave **before** renewal.",
      priority: "high",
      tags: ["ml", "retention"],
      targetDate: "2027-03-31",
      businessValue: 8,
      timeCriticality: 5,
      riskReduction: 3,
      jobSize: 5,
    }),
  },
  responses: { 201: withEtag(UseCaseResponse, "Created"), ...errorResponses, 409: json(ErrorResponse, "The workspace has no statuses yet (code: conflict)") },
});

export const getUseCaseRoute = defineRoute({
  operationId: "getUseCase",
  description:
    "Returns one use case with its computed WSJF and what you may do with it (`abilities`); the `ETag` is its version. " +
    "Any workspace member who may see it; others get 404.",
  method: "get",
  path: useCasePath,
  tags,
  summary: "One use case",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams },
  responses: { 200: withEtag(UseCaseResponse, "The use case"), ...errorResponses },
});

export const updateUseCaseRoute = defineRoute({
  method: "patch",
  path: useCasePath,
  tags,
  summary: "Change some fields, if nobody else changed the use case since you read it",
  operationId: "updateUseCase",
  description:
    "Changes the fields you send and leaves the others, if nobody changed the use case since you read it: send the version you " +
    "read as `version` in the body or as `If-Match: \"<version>\"`. A linked use case's mapped fields are pushed to Jira. " +
    "Admins and Moderators on any use case, Members on use cases assigned to them.",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, headers: IfMatch, body: jsonBody(UpdateUseCaseBody, { version: 4, priority: "highest", storyPoints: 13 }) },
  responses: {
    200: withEtag(UseCaseResponse, "Updated (or unchanged)"),
    ...errorResponses,
    409: conflict,
    428: json(ErrorResponse, "No version given (code: precondition_required)"),
  },
});

export const deleteUseCaseRoute = defineRoute({
  operationId: "deleteUseCase",
  description:
    "Deletes the use case with its comments and history; its Jira issue stays in Jira. Admins and Moderators.",
  method: "delete",
  path: useCasePath,
  tags,
  summary: "Delete a use case with its comments and history (Admin, Moderator)",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams },
  responses: { ...noContent, ...errorResponses },
});

export const listCommentsRoute = defineRoute({
  operationId: "listUseCaseComments",
  description:
    "Lists the comments on a use case, oldest first. Any workspace member who may see the use case.",
  method: "get",
  path: `${useCasePath}/comments`,
  tags,
  summary: "Comments on a use case, oldest first",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams },
  responses: { 200: json(CommentList, "Comments"), ...errorResponses },
});

export const addCommentRoute = defineRoute({
  operationId: "addUseCaseComment",
  description:
    "Adds a Markdown comment to the use case. Admins and Moderators on any use case, Members on use cases assigned to them.",
  method: "post",
  path: `${useCasePath}/comments`,
  tags,
  summary: "Comment on a use case (Markdown)",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, body: jsonBody(CommentBody, { body: "Data team can start in **Q2**." }) },
  responses: { 201: json(CommentResponse, "Added"), ...errorResponses },
});

export const editCommentRoute = defineRoute({
  operationId: "editUseCaseComment",
  description:
    "Replaces the text of a comment. Only its author.",
  method: "patch",
  path: commentPath,
  tags,
  summary: "Edit your comment",
  access: read,
  middleware: [uuidPathOr404("useCaseId", "commentId")],
  request: { params: CommentParams, body: jsonBody(CommentBody, { body: "Data team can start in **Q3**." }) },
  responses: { 200: json(CommentResponse, "Edited"), ...errorResponses },
});

export const deleteCommentRoute = defineRoute({
  operationId: "deleteUseCaseComment",
  description:
    "Deletes a comment. Its author, or an Admin.",
  method: "delete",
  path: commentPath,
  tags,
  summary: "Delete your comment (Admins: any comment)",
  access: read,
  middleware: [uuidPathOr404("useCaseId", "commentId")],
  request: { params: CommentParams },
  responses: { ...noContent, ...errorResponses },
});

export const listHistoryRoute = defineRoute({
  operationId: "listUseCaseHistory",
  description:
    "Lists who changed which field of the use case and where the change came from (Tether, Jira or the system), newest first, " +
    "cursor-paginated. Any workspace member who may see the use case.",
  method: "get",
  path: `${useCasePath}/history`,
  tags,
  summary: "Who changed which field, newest first, cursor-paginated",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, query: HistoryQuery },
  responses: { 200: json(HistoryList, "One page; nextCursor is null on the last"), ...errorResponses },
});
