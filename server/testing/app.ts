import type { DestinationStream } from "pino";
import { loadEnv } from "../env.ts";
import { createApp } from "../app.ts";
import { type AppDeps, buildDeps } from "../deps.ts";
import { createLogger } from "../logging/logger.ts";
import { SecretBox } from "../security/secret-box.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";
import { randomBytes } from "node:crypto";

export type TestApp = {
  deps: AppDeps;
  database: TestDatabase;
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/** The real HTTP application on a fresh real database, called in-process (no port needed). */
export async function createTestApp(
  options: { logLevel?: string; logDestination?: DestinationStream; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = loadEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    TETHER_DATA_DIR: ".tmp/test-data",
    // Most tests sign many people up directly; the invitation-only default has tests of its own.
    SIGNUP_MODE: "open",
    ...options.env,
  });
  const deps = buildDeps({
    env,
    database,
    logger: createLogger({
      level: options.logLevel ?? process.env.TEST_LOG_LEVEL ?? "silent",
      ...(options.logDestination ? { destination: options.logDestination } : {}),
    }),
    secretBox: new SecretBox(randomBytes(32).toString("hex")),
  });
  const app = createApp(deps);
  return {
    deps,
    database,
    request: async (path, init) => app.request(path, init),
    close: () => database.close(),
  };
}
