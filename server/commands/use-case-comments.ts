import type { UseCaseComment } from "../../common/contracts/use-cases.ts";
import type { Db } from "../db/pool.ts";
import { AppError, notFound } from "../errors.ts";
import { deleteComment, findComment, insertComment, listComments, updateCommentBody } from "../models/use-case-comments.ts";
import { presentComment } from "../presenters/use-case.ts";
import { authoriseUseCase, type UseCaseCaller } from "./use-case-access.ts";

// Comments are a conversation beside the use case: they write no history and leave its version alone.

export async function listUseCaseComments(db: Db, caller: UseCaseCaller, useCaseId: string): Promise<UseCaseComment[]> {
  await authoriseUseCase(db, caller, useCaseId, "read");
  return (await listComments(db, useCaseId)).map(presentComment);
}

export async function addComment(db: Db, caller: UseCaseCaller, useCaseId: string, body: string): Promise<UseCaseComment> {
  await authoriseUseCase(db, caller, useCaseId, "comment");
  const commentId = await insertComment(db, useCaseId, caller.userId, body);
  return requireComment(db, useCaseId, commentId);
}

async function requireComment(db: Db, useCaseId: string, commentId: string) {
  const comment = await findComment(db, useCaseId, commentId);
  if (!comment) throw notFound("Comment");
  return presentComment(comment);
}

const notAuthor = (action: string) => new AppError("forbidden", `Only the comment's author may ${action} it.`, { action });

/** Only the author edits a comment, and only while they can still read the use case. */
export async function editComment(db: Db, caller: UseCaseCaller, useCaseId: string, commentId: string, body: string): Promise<UseCaseComment> {
  await authoriseUseCase(db, caller, useCaseId, "read");
  const comment = await findComment(db, useCaseId, commentId);
  if (!comment) throw notFound("Comment");
  if (comment.author_id !== caller.userId) throw notAuthor("edit");
  await updateCommentBody(db, commentId, body);
  return requireComment(db, useCaseId, commentId);
}

/** The author removes their comment; a workspace Admin may remove any (moderation). */
export async function removeComment(db: Db, caller: UseCaseCaller, useCaseId: string, commentId: string): Promise<void> {
  await authoriseUseCase(db, caller, useCaseId, "read");
  const comment = await findComment(db, useCaseId, commentId);
  if (!comment) throw notFound("Comment");
  if (comment.author_id !== caller.userId && caller.role !== "admin") throw notAuthor("delete");
  await deleteComment(db, commentId);
}
