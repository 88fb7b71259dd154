import type pg from "pg";
import type { Env } from "../env.ts";
import type { Db } from "../db/pool.ts";
import type { Role } from "../db/schema.ts";
import type { Logger } from "../logging/logger.ts";
import type { Metrics } from "../logging/metrics.ts";
import type { SecretBox } from "../security/secret-box.ts";

/** What every route and command may use. Built once at boot (server/main.ts) or per test. */
export type AppDeps = {
  env: Env;
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  metrics: Metrics;
  /** Encrypts integration credentials at rest. */
  secretBox: SecretBox;
};

export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  via: "session" | "token";
  /** Set for cookie sessions: unsafe requests must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  sessionIdHash: string | null;
};

export type Membership = { workspaceId: string; role: Role };

export type AppEnv = {
  Variables: {
    actor: Actor | null;
    membership: Membership | null;
  };
};
