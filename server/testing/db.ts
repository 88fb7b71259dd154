import type pg from "pg";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../db/database-admin.ts";
import { type Db, openDatabase } from "../db/pool.ts";

export type TestDatabase = { url: string; pool: pg.Pool; db: Db; close(): Promise<void> };

/** A fresh, fully migrated database of its own for one test file. Real PostgreSQL, no mocks. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TETHER_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error("No test PostgreSQL: run integration tests through vitest (global setup).");
  const name = uniqueDatabaseName("t");
  const url = await createDatabase(adminUrl, name, "tether_test_template");
  const handle = openDatabase(url);
  return {
    url,
    pool: handle.pool,
    db: handle.db,
    close: async () => {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
