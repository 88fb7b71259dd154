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

  it("leaves nothing pending and computes WSJF in the database", async () => {
    expect(await migrationsPending(test.db)).toBe(0);
    const result = await sql<{ wsjf: string | null }>`
      SELECT round((8 + 5 + 3)::numeric / 4, 2)::text AS wsjf`.execute(test.db);
    expect(result.rows[0]?.wsjf).toBe("4.00");
    const tables = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'graphile_worker'`.execute(test.db);
    expect(tables.rows[0]?.n).toBeGreaterThan(0);
  });
});
