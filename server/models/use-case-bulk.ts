import { sql } from "kysely";
import type { Db } from "../db/pool.ts";
import type { NewUseCase } from "../db/schema.ts";

/**
 * Takes `count` consecutive use-case numbers in one UPDATE … RETURNING (the counter row is
 * locked once for the whole batch, not once per use case). Returns the first.
 */
export async function takeUseCaseNumbers(db: Db, workspaceId: string, count: number): Promise<number> {
  const row = await db
    .updateTable("workspaces")
    .set((eb) => ({ next_use_case_number: eb("next_use_case_number", "+", count) }))
    .where("id", "=", workspaceId)
    .returning(sql<number>`next_use_case_number - ${count}::int`.as("first"))
    .executeTakeFirstOrThrow();
  return row.first;
}

/** Inserts many use cases in one statement; ids in the order given. */
export async function insertUseCases(db: Db, values: readonly NewUseCase[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db.insertInto("use_cases").values([...values]).returning(["id", "number"]).execute();
  const byNumber = new Map(rows.map((r) => [r.number, r.id]));
  return values.map((v) => byNumber.get(v.number)!);
}
