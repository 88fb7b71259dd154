import { z } from "zod";
import { addComment, deleteComment, editComment, findComment } from "../commands/comment-commands.ts";
import { FieldErrors, parseRichText } from "../commands/field-input.ts";
import { fieldErrors } from "../http/errors.ts";
import { parseBody, queryInt } from "../http/request.ts";
import type { RouteTable } from "../http/router.ts";
import type { ApiVersion, RichText } from "../model/types.ts";
import { renderComment } from "../render/issue.ts";
import type { SimRuntime } from "../runtime.ts";
import { jsonResponse, noContent, requireUser, restActor, visibleIssue } from "./helpers.ts";
import { param } from "../http/request.ts";

const commentBodySchema = z.object({ body: z.unknown(), visibility: z.unknown().optional(), properties: z.unknown().optional() }).loose();

function bodyText(version: ApiVersion, raw: unknown): RichText {
  const errors = new FieldErrors();
  const text = parseRichText(version, raw, "comment", errors);
  if (!text) throw fieldErrors(errors.errors);
  if ((text.kind === "wiki" && text.text.trim() === "") || (text.kind === "adf" && text.doc.content.length === 0)) {
    throw fieldErrors({ comment: "Comment body can not be empty!" });
  }
  return text;
}

/** Comments: list, add, get, edit, delete. */
export function registerCommentRoutes(routes: RouteTable, runtime: SimRuntime, base: string, version: ApiVersion): void {
  const ctx = () => runtime.render(version);

  routes.get(`${base}/issue/:issueIdOrKey/comment`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    const startAt = queryInt(c, "startAt", 0);
    const maxResults = queryInt(c, "maxResults", 100);
    const ordered = c.req.query("orderBy") === "-created" ? [...issue.comments].reverse() : issue.comments;
    const page = ordered.slice(startAt, startAt + maxResults);
    return jsonResponse({ startAt, maxResults, total: issue.comments.length, comments: page.map((comment) => renderComment(ctx(), issue, comment)) });
  });

  routes.post(`${base}/issue/:issueIdOrKey/comment`, async (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    const body = await parseBody(c, commentBodySchema, "CommentJsonBean");
    const comment = addComment(runtime.deps, actor, issue, bodyText(version, body.body));
    return jsonResponse(renderComment(ctx(), issue, comment), 201);
  });

  routes.get(`${base}/issue/:issueIdOrKey/comment/:id`, (c) => {
    const issue = visibleIssue(runtime, requireUser(c), param(c, "issueIdOrKey"));
    return jsonResponse(renderComment(ctx(), issue, findComment(issue, param(c, "id"))));
  });

  routes.put(`${base}/issue/:issueIdOrKey/comment/:id`, async (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    const comment = findComment(issue, param(c, "id"));
    const body = await parseBody(c, commentBodySchema, "CommentJsonBean");
    editComment(runtime.deps, actor, issue, comment, bodyText(version, body.body));
    return jsonResponse(renderComment(ctx(), issue, comment));
  });

  routes.delete(`${base}/issue/:issueIdOrKey/comment/:id`, (c) => {
    const actor = restActor(c, version);
    const issue = visibleIssue(runtime, actor.user, param(c, "issueIdOrKey"));
    deleteComment(runtime.deps, actor, issue, findComment(issue, param(c, "id")));
    return noContent();
  });
}
