import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Db } from "../db/pool.ts";
import type { NewUseCase, Priority, StatusCategory, UseCaseUpdate, Visibility } from "../db/schema.ts";

/** A use case with everything its presentation needs (status, people), as one row. */
export type UseCaseRecord = {
  id: string;
  workspace_id: string;
  number: number;
  title: string;
  description: string;
  status_id: string;
  status_name: string;
  status_category: StatusCategory;
  assignee_id: string | null;
  assignee_display_name: string | null;
  assignee_email: string | null;
  members: { id: string; displayName: string }[];
  priority: Priority;
  tags: string[];
  target_date: string | null;
  business_value: number | null;
  time_criticality: number | null;
  risk_reduction: number | null;
  job_size: number | null;
  wsjf: string | null;
  story_points: string | null;
  visibility: Visibility;
  custom_fields: Record<string, unknown>;
  version: number;
  created_by: string;
  creator_display_name: string;
  created_at: Date;
  updated_at: Date;
};

/** The select every read of a full use case starts from; callers add filters and order. */
export function selectUseCases(db: Db) {
  return db
    .selectFrom("use_cases")
    .innerJoin("use_case_statuses as status", "status.id", "use_cases.status_id")
    .innerJoin("users as creator", "creator.id", "use_cases.created_by")
    .leftJoin("users as assignee", "assignee.id", "use_cases.assignee_id")
    .select((eb) => [
      "use_cases.id",
      "use_cases.workspace_id",
      "use_cases.number",
      "use_cases.title",
      "use_cases.description",
      "use_cases.status_id",
      "status.name as status_name",
      "status.category as status_category",
      "use_cases.assignee_id",
      "assignee.display_name as assignee_display_name",
      "assignee.email as assignee_email",
      jsonArrayFrom(
        eb
          .selectFrom("use_case_members")
          .innerJoin("users", "users.id", "use_case_members.user_id")
          .select(["users.id", "users.display_name as displayName"])
          .whereRef("use_case_members.use_case_id", "=", "use_cases.id")
          .orderBy("users.display_name")
          .orderBy("users.id"),
      ).as("members"),
      "use_cases.priority",
      "use_cases.tags",
      "use_cases.target_date",
      "use_cases.business_value",
      "use_cases.time_criticality",
      "use_cases.risk_reduction",
      "use_cases.job_size",
      "use_cases.wsjf",
      "use_cases.story_points",
      "use_cases.visibility",
      "use_cases.custom_fields",
      "use_cases.version",
      "use_cases.created_by",
      "creator.display_name as creator_display_name",
      "use_cases.created_at",
      "use_cases.updated_at",
    ]);
}

export async function findUseCase(db: Db, workspaceId: string, useCaseId: string): Promise<UseCaseRecord | undefined> {
  return selectUseCases(db).where("use_cases.workspace_id", "=", workspaceId).where("use_cases.id", "=", useCaseId).executeTakeFirst();
}

/** What the policies need, read with a row lock so a concurrent edit waits for this transaction. */
export async function lockUseCaseAccessFacts(db: Db, workspaceId: string, useCaseId: string) {
  const row = await db
    .selectFrom("use_cases")
    .select(["id", "visibility", "assignee_id", "version"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", useCaseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const members = await db.selectFrom("use_case_members").select("user_id").where("use_case_id", "=", useCaseId).execute();
  return {
    id: row.id,
    version: row.version,
    facts: { visibility: row.visibility, assigneeId: row.assignee_id, memberIds: members.map((m) => m.user_id) },
  };
}

/** The same facts without a lock, for reads. */
export async function readUseCaseAccessFacts(db: Db, workspaceId: string, useCaseId: string) {
  const row = await db
    .selectFrom("use_cases")
    .select((eb) => [
      "visibility",
      "assignee_id",
      eb.fn
        .coalesce(
          eb.selectFrom("use_case_members").select(sql<string[]>`array_agg(user_id)`.as("ids")).whereRef("use_case_id", "=", "use_cases.id"),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as("member_ids"),
    ])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", useCaseId)
    .executeTakeFirst();
  return row ? { visibility: row.visibility, assigneeId: row.assignee_id, memberIds: row.member_ids } : undefined;
}

/** Takes the workspace's next use-case number; the row lock orders concurrent creates. */
export async function takeUseCaseNumber(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .updateTable("workspaces")
    .set((eb) => ({ next_use_case_number: eb("next_use_case_number", "+", 1) }))
    .where("id", "=", workspaceId)
    .returning(sql<number>`next_use_case_number - 1`.as("number"))
    .executeTakeFirstOrThrow();
  return row.number;
}

export async function insertUseCase(db: Db, values: NewUseCase): Promise<string> {
  const row = await db.insertInto("use_cases").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Writes changed columns and moves the version on; only called when something changed. */
export async function updateUseCaseColumns(db: Db, useCaseId: string, columns: UseCaseUpdate): Promise<void> {
  await db
    .updateTable("use_cases")
    .set((eb) => ({ ...columns, version: eb("version", "+", 1), updated_at: sql<Date>`now()` }))
    .where("id", "=", useCaseId)
    .execute();
}

export async function replaceUseCaseMembers(db: Db, useCaseId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom("use_case_members").where("use_case_id", "=", useCaseId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto("use_case_members")
      .values(userIds.map((user_id) => ({ use_case_id: useCaseId, user_id })))
      .execute();
  }
}

export async function deleteUseCaseRow(db: Db, useCaseId: string): Promise<void> {
  await db.deleteFrom("use_cases").where("id", "=", useCaseId).execute();
}

export async function findWorkspaceStatus(db: Db, workspaceId: string, statusId: string) {
  return db
    .selectFrom("use_case_statuses")
    .select(["id", "name", "category"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", statusId)
    .executeTakeFirst();
}

/** The first status of the workflow: where a new use case starts unless told otherwise. */
export async function findFirstStatus(db: Db, workspaceId: string) {
  return db
    .selectFrom("use_case_statuses")
    .select(["id", "name", "category"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("position")
    .limit(1)
    .executeTakeFirst();
}

/** Of the given users, those who are members of the workspace (any role), with their names. */
export async function findWorkspaceUsers(db: Db, workspaceId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.display_name as displayName"])
    .where("memberships.workspace_id", "=", workspaceId)
    .where("memberships.user_id", "in", [...userIds])
    .execute();
}
