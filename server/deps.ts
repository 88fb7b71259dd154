import type pg from "pg";
import type { DatabaseHandle, Db } from "./db/pool.ts";
import type { Env } from "./env.ts";
import type { Logger } from "./logging/logger.ts";
import { createMetrics, type Metrics } from "./logging/metrics.ts";
import type { SecretBox } from "./security/secret-box.ts";

/**
 * What every route, command and task may use: one set per process, built at boot
 * (server/start.ts) or per test (server/testing/app.ts). Not tied to HTTP: the worker uses it too.
 */
export type AppDeps = {
  env: Env;
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  metrics: Metrics;
  /** Encrypts integration credentials and other secrets at rest. */
  secretBox: SecretBox;
  /** Where this process's web server listens (set once it does); Jira on the same machine may post there when PUBLIC_URL is unset. */
  listeningUrl?: string | undefined;
};

export function buildDeps(input: { env: Env; database: Pick<DatabaseHandle, "db" | "pool">; logger: Logger; secretBox: SecretBox; metrics?: Metrics }): AppDeps {
  return {
    env: input.env,
    db: input.database.db,
    pool: input.database.pool,
    logger: input.logger,
    metrics: input.metrics ?? createMetrics(),
    secretBox: input.secretBox,
  };
}
