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
import { errorResponses, json, noContent } from "../responses.ts";
import { CommentParams, commentPath, UseCaseParams, useCasePath, useCasesPath, uuidPathOr404 } from "./params.ts";

const read = { kind: "workspace", action: "workspace.read" } as const;
const tags = ["use cases"];
const withEtag = <T>(schema: T, description: string) => ({
  ...json(schema, description),
  headers: z.object({ ETag: z.string().meta({ description: 'The use case\'s version, as `"<version>"`; send it back in If-Match' }) }),
});
const IfMatch = z.object({ "if-match": z.string().max(100).optional() });
const conflict = json(ErrorResponse, "The use case changed since you read it (code: version_conflict, details.currentVersion)");
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const listUseCasesRoute = defineRoute({
  method: "get",
  path: useCasesPath,
  tags,
  summary: "Use cases you may see, filtered, sorted and cursor-paginated",
  description:
    "`q` matches a case-insensitive substring of title or description (ILIKE; `%` and `_` are literal). " +
    "`status` and `tag` repeat or take comma lists; several tags mean all of them. Nulls sort last; ties break by id.",
  access: read,
  request: { params: WorkspaceParams, query: ListUseCasesQuery },
  responses: { 200: json(UseCaseList, "One page; nextCursor is null on the last"), ...errorResponses },
});

export const countUseCasesRoute = defineRoute({
  method: "get",
  path: `${workspacePath}/use-case-counts`,
  tags,
  summary: "How many use cases you may see, per status, under the list's filters (board columns)",
  access: read,
  request: { params: WorkspaceParams, query: CountUseCasesQuery },
  responses: { 200: json(UseCaseCounts, "Counts"), ...errorResponses },
});

export const createUseCaseRoute = defineRoute({
  method: "post",
  path: useCasesPath,
  tags,
  summary: "Create a use case (Admin, Moderator, Member)",
  access: { kind: "workspace", action: "useCase.create" },
  request: { params: WorkspaceParams, body: body(CreateUseCaseBody) },
  responses: { 201: withEtag(UseCaseResponse, "Created"), ...errorResponses },
});

export const getUseCaseRoute = defineRoute({
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
  description: "Send the version you read as `version` in the body or as `If-Match: \"<version>\"`.",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, headers: IfMatch, body: body(UpdateUseCaseBody) },
  responses: {
    200: withEtag(UseCaseResponse, "Updated (or unchanged)"),
    ...errorResponses,
    409: conflict,
    428: json(ErrorResponse, "No version given (code: precondition_required)"),
  },
});

export const deleteUseCaseRoute = defineRoute({
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
  method: "post",
  path: `${useCasePath}/comments`,
  tags,
  summary: "Comment on a use case (Markdown)",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, body: body(CommentBody) },
  responses: { 201: json(CommentResponse, "Added"), ...errorResponses },
});

export const editCommentRoute = defineRoute({
  method: "patch",
  path: commentPath,
  tags,
  summary: "Edit your comment",
  access: read,
  middleware: [uuidPathOr404("useCaseId", "commentId")],
  request: { params: CommentParams, body: body(CommentBody) },
  responses: { 200: json(CommentResponse, "Edited"), ...errorResponses },
});

export const deleteCommentRoute = defineRoute({
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
  method: "get",
  path: `${useCasePath}/history`,
  tags,
  summary: "Who changed which field, newest first, cursor-paginated",
  access: read,
  middleware: [uuidPathOr404("useCaseId")],
  request: { params: UseCaseParams, query: HistoryQuery },
  responses: { 200: json(HistoryList, "One page; nextCursor is null on the last"), ...errorResponses },
});
