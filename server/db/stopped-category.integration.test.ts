import { readFile } from "node:fs/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";

const migration = new URL("./migrations/0021_stopped_status_category.sql", import.meta.url);

describe("migration 0021: the stopped status category", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => test.close());

  it("moves done statuses named like Rejected to stopped and leaves the others alone", async () => {
    const space = await sql<{ id: string }>`INSERT INTO workspaces (name) VALUES ('Old workflow') RETURNING id`.execute(test.db);
    const workspaceId = space.rows[0]?.id;
    const before: [string, string][] = [
      ["Idea", "todo"],
      ["Rejected", "done"],
      [" cancelled ", "done"],
      ["Won’t do", "done"],
      ["Done", "done"],
      ["Rejected review", "in_progress"],
      ["Shipped", "done"],
    ];
    for (const [position, [name, category]] of before.entries()) {
      await sql`INSERT INTO use_case_statuses (workspace_id, name, category, position) VALUES (${workspaceId}, ${name}, ${category}, ${position})`.execute(test.db);
    }
    // The migration already ran on this database; it is written to be re-runnable, so running it
    // again applies its rename to the rows written as a pre-0021 workspace would have them.
    await sql.raw(await readFile(migration, "utf8")).execute(test.db);

    const after = await sql<{ name: string; category: string }>`
      SELECT name, category FROM use_case_statuses WHERE workspace_id = ${workspaceId} ORDER BY position`.execute(test.db);
    expect(after.rows.map((r) => [r.name, r.category])).toEqual([
      ["Idea", "todo"],
      ["Rejected", "stopped"],
      [" cancelled ", "stopped"],
      ["Won’t do", "stopped"],
      ["Done", "done"],
      ["Rejected review", "in_progress"],
      ["Shipped", "done"],
    ]);
  });

  it("refuses a category outside the four", async () => {
    const space = await sql<{ id: string }>`INSERT INTO workspaces (name) VALUES ('Checked') RETURNING id`.execute(test.db);
    await expect(
      sql`INSERT INTO use_case_statuses (workspace_id, name, category, position) VALUES (${space.rows[0]?.id}, 'X', 'closed', 0)`.execute(test.db),
    ).rejects.toThrow(/check constraint/);
  });
});
