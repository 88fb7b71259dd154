import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsPending } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";

describe("migrations", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => test.close());

  it("leaves nothing pending and installs the job queue's schema", async () => {
    expect(await migrationsPending(test.db)).toBe(0);
    const tables = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'graphile_worker'`.execute(test.db);
    expect(tables.rows[0]?.n).toBeGreaterThan(0);
  });

  it("keeps WSJF as a stored column the database computes: cost of delay / job size, rounded to 2 places", async () => {
    const column = await sql<{ is_generated: string; generation_expression: string | null }>`
      SELECT is_generated, generation_expression FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'use_cases' AND column_name = 'wsjf'`.execute(test.db);
    expect(column.rows).toEqual([{ is_generated: "ALWAYS", generation_expression: expect.stringMatching(/round/) }]);

    const rows = await sql<{ title: string; wsjf: string | null }>`
      WITH author AS (
        INSERT INTO users (email, display_name, password_hash) VALUES ('wsjf@example.test', 'W', 'x') RETURNING id
      ), space AS (
        INSERT INTO workspaces (name) VALUES ('WSJF') RETURNING id
      ), status AS (
        INSERT INTO use_case_statuses (workspace_id, name, category, position) SELECT id, 'Idea', 'todo', 0 FROM space RETURNING id, workspace_id
      )
      INSERT INTO use_cases (workspace_id, number, title, status_id, created_by, business_value, time_criticality, risk_reduction, job_size)
      SELECT status.workspace_id, n, title, status.id, author.id, bv, tc, rr, js
      FROM status, author, (VALUES
        (1, 'all scores', 8, 5, 3, 4),
        (2, 'thirds round', 10, NULL, NULL, 3),
        (3, 'no job size', 8, 5, 3, NULL)
      ) AS v (n, title, bv, tc, rr, js)
      RETURNING title, wsjf::text AS wsjf`.execute(test.db);
    expect(Object.fromEntries(rows.rows.map((row) => [row.title, row.wsjf]))).toEqual({
      "all scores": "4.00",
      "thirds round": "3.33",
      "no job size": null,
    });
  });
});
