import type { RichText, SimComment, SimIssue } from "../model/types.ts";
import { fieldErrors, JiraHttpError } from "../http/errors.ts";
import { richTextAsString } from "../render/adf.ts";
import { can, countWrite, type Actor, type CommandDeps } from "./deps.ts";
import { storedRichText } from "./field-input.ts";

const maxCommentLength = 32767;

function checkLength(body: RichText): void {
  if (richTextAsString(body).length > maxCommentLength) {
    throw fieldErrors({ comment: "The entered text is too long. It exceeds the allowed limit of 32,767 characters." });
  }
}

export function addComment(deps: CommandDeps, actor: Actor, issue: SimIssue, body: RichText): SimComment {
  if (!can(deps, actor, issue.projectId, "ADD_COMMENTS")) {
    throw new JiraHttpError(400, ["You do not have the permission to comment on this issue."]);
  }
  checkLength(body);
  const now = deps.now();
  const comment: SimComment = {
    id: String(deps.store.nextId("commentId")),
    authorKey: actor.user.key,
    updateAuthorKey: actor.user.key,
    body: storedRichText(deps.store, body),
    created: now,
    updated: now,
  };
  issue.comments.push(comment);
  // A comment moves the issue's `updated`, which is what reconciliation (`updated >=`) relies on.
  issue.updated = now;
  deps.store.bump(issue.id);
  countWrite(deps, actor, issue);
  deps.events.comment("comment_created", issue, comment);
  return comment;
}

export function findComment(issue: SimIssue, commentId: string): SimComment {
  const comment = issue.comments.find((candidate) => candidate.id === commentId);
  if (!comment) throw new JiraHttpError(404, [`Can not find a comment for the id: ${commentId}.`]);
  return comment;
}

function mayChange(deps: CommandDeps, actor: Actor, issue: SimIssue, comment: SimComment, kind: "EDIT" | "DELETE"): boolean {
  if (can(deps, actor, issue.projectId, `${kind}_ALL_COMMENTS`)) return true;
  return comment.authorKey === actor.user.key && can(deps, actor, issue.projectId, `${kind}_OWN_COMMENTS`);
}

export function editComment(deps: CommandDeps, actor: Actor, issue: SimIssue, comment: SimComment, body: RichText): void {
  if (!mayChange(deps, actor, issue, comment, "EDIT")) {
    throw new JiraHttpError(400, ["You do not have the permission to edit this comment."]);
  }
  checkLength(body);
  const now = deps.now();
  comment.body = storedRichText(deps.store, body);
  comment.updated = now;
  comment.updateAuthorKey = actor.user.key;
  issue.updated = now;
  deps.store.bump(issue.id);
  countWrite(deps, actor, issue);
  deps.events.comment("comment_updated", issue, comment);
}

export function deleteComment(deps: CommandDeps, actor: Actor, issue: SimIssue, comment: SimComment): void {
  if (!mayChange(deps, actor, issue, comment, "DELETE")) {
    throw new JiraHttpError(400, ["You do not have the permission to delete this comment."]);
  }
  issue.comments = issue.comments.filter((candidate) => candidate.id !== comment.id);
  issue.updated = deps.now();
  deps.store.bump(issue.id);
  countWrite(deps, actor, issue);
  deps.events.comment("comment_deleted", issue, comment);
}
