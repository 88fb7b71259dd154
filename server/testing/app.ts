import { loadEnv } from "../env.ts";
import { createApp } from "../app.ts";
import type { AppDeps } from "../http/types.ts";
import { createLogger } from "../logging/logger.ts";
import { createMetrics } from "../logging/metrics.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

export type TestApp = {
  deps: AppDeps;
  database: TestDatabase;
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/** The real HTTP application on a fresh real database, called in-process (no port needed). */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", TETHER_DATA_DIR: ".tmp/test-data" });
  const deps: AppDeps = {
    env,
    db: database.db,
    pool: database.pool,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    metrics: createMetrics(),
  };
  const app = createApp(deps);
  return {
    deps,
    database,
    request: async (path, init) => app.request(path, init),
    close: () => database.close(),
  };
}
