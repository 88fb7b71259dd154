import { sql } from "kysely";
import type { Db } from "../db/pool.ts";

export type CommentRecord = {
  id: string;
  body: string;
  author_id: string | null;
  author_display_name: string | null;
  created_at: Date;
  updated_at: Date;
};

function selectComments(db: Db) {
  return db
    .selectFrom("use_case_comments")
    .leftJoin("users", "users.id", "use_case_comments.author_id")
    .select([
      "use_case_comments.id",
      "use_case_comments.body",
      "use_case_comments.author_id",
      "users.display_name as author_display_name",
      "use_case_comments.created_at",
      "use_case_comments.updated_at",
    ]);
}

/** Oldest first, as a conversation reads. */
export async function listComments(db: Db, useCaseId: string): Promise<CommentRecord[]> {
  return selectComments(db)
    .where("use_case_comments.use_case_id", "=", useCaseId)
    .orderBy("use_case_comments.created_at")
    .orderBy("use_case_comments.id")
    .execute();
}

export async function findComment(db: Db, useCaseId: string, commentId: string): Promise<CommentRecord | undefined> {
  return selectComments(db)
    .where("use_case_comments.use_case_id", "=", useCaseId)
    .where("use_case_comments.id", "=", commentId)
    .executeTakeFirst();
}

export async function insertComment(db: Db, useCaseId: string, authorId: string, body: string): Promise<string> {
  const row = await db
    .insertInto("use_case_comments")
    .values({ use_case_id: useCaseId, author_id: authorId, body })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommentBody(db: Db, commentId: string, body: string): Promise<void> {
  await db.updateTable("use_case_comments").set({ body, updated_at: sql<Date>`now()` }).where("id", "=", commentId).execute();
}

export async function deleteComment(db: Db, commentId: string): Promise<void> {
  await db.deleteFrom("use_case_comments").where("id", "=", commentId).execute();
}
