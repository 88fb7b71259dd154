import type pg from "pg";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../db/database-admin.ts";
import { type Db, openDatabase } from "../db/pool.ts";
import { guardPool, openGuardedPool } from "./test-pool.ts";

export type TestDatabase = {
  url: string;
  pool: pg.Pool;
  db: Db;
  /**
   * Another pool on this database, e.g. one that plays a second worker process. Use this instead
   * of `new pg.Pool(…)`: `close()` ends it, and its errors cannot fail the run.
   */
  openPool(options?: { max?: number }): pg.Pool;
  /** Ends every pool of this database, waits until their connections are gone, then drops it. */
  close(): Promise<void>;
};

/** A fresh, fully migrated database of its own for one test file. Real PostgreSQL, no mocks. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TETHER_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error("No test PostgreSQL: run integration tests through vitest (global setup).");
  const name = uniqueDatabaseName("t");
  const url = await createDatabase(adminUrl, name, "tether_test_template");
  const handle = openDatabase(url);
  const mainPool = guardPool(handle.pool);
  const otherPools: { closed(): Promise<void> }[] = [];
  return {
    url,
    pool: handle.pool,
    db: handle.db,
    openPool: (options = {}) => {
      const guarded = openGuardedPool(url, options.max ?? 10);
      otherPools.push(guarded);
      return guarded.pool;
    },
    close: async () => {
      await handle.close();
      await Promise.all([mainPool, ...otherPools].map((pool) => pool.closed()));
      await dropDatabase(adminUrl, name);
    },
  };
}
