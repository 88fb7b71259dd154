import { serve, type ServerType } from "@hono/node-server";
import path from "node:path";
import { createApp } from "./app.ts";
import { createDatabase, databaseExists, databaseUrl } from "./db/database-admin.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./db/embedded.ts";
import { openDatabase } from "./db/pool.ts";
import { prepareDatabase } from "./db/prepare.ts";
import { type Env, loadEnv } from "./env.ts";
import { type AppDeps, buildDeps } from "./deps.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { startWorker, type Worker } from "./queue/worker.ts";
import { SecretBox } from "./security/secret-box.ts";
import { resolveSecretKey } from "./security/secret-key.ts";

export type Service = "web" | "worker";

export type StartOptions = {
  /** Any PostgreSQL; when absent, DATABASE_URL, else an embedded PostgreSQL under the data dir. */
  databaseUrl?: string;
  port?: number;
  services?: readonly Service[];
  webDir?: string | null;
  env?: Env;
  logger?: Logger;
  /** Overrides TETHER_SECRET_KEY (tests pass a random one). */
  secretKey?: string;
};

export type RunningTether = { url: string; databaseUrl: string; deps: AppDeps; stop(): Promise<void> };

/** The host a client on this machine reaches the server at: the wildcard addresses mean loopback. */
const reachableHost = (host: string) => (host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host);

/** Starts the chosen services of Tether in this process (see server/main.ts for the CLI). */
export async function startTether(options: StartOptions = {}): Promise<RunningTether> {
  const env = options.env ?? loadEnv();
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL });
  const services = options.services ?? ["web", "worker"];
  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl ?? env.DATABASE_URL;
  const secretBox = new SecretBox(
    resolveSecretKey({ configured: options.secretKey ?? env.TETHER_SECRET_KEY, embedded: !url, dataDir: env.dataDir, logger }),
  );
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: env.dataDir, port: env.EMBEDDED_PG_PORT, persistent: true });
    if (!(await databaseExists(embedded.url, "tether"))) await createDatabase(embedded.url, "tether");
    url = databaseUrl(embedded.url, "tether");
    logger.info({ dataDir: env.dataDir, clusterDir: embedded.clusterDir }, "embedded PostgreSQL started");
  }
  const applied = await prepareDatabase(url);
  if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");

  const handle = openDatabase(url, { max: 20 });
  const deps = buildDeps({ env, database: handle, logger, secretBox });
  let server: ServerType | undefined;
  let worker: Worker | undefined;
  let address = "";
  if (services.includes("web")) {
    const webDir = options.webDir === undefined ? path.resolve("dist/web") : options.webDir;
    const app = createApp(deps, { webDir });
    address = await new Promise<string>((resolve) => {
      server = serve({ fetch: app.fetch, port: options.port ?? env.PORT, hostname: env.HOST }, (info) =>
        resolve(`http://${env.HOST}:${info.port}`),
      );
    });
    const port = (server?.address() as { port?: number } | null)?.port;
    if (port) deps.listeningUrl = `http://${reachableHost(env.HOST)}:${port}`;
  }
  if (services.includes("worker")) worker = await startWorker(deps);

  return {
    url: address,
    databaseUrl: url,
    deps,
    stop: async () => {
      const stoppingWorker = worker?.stop();
      if (server) {
        const closing = new Promise<void>((resolve) => server?.close(() => resolve()));
        // Idle keep-alive sockets (browsers) would hold close() open for minutes.
        if ("closeIdleConnections" in server) server.closeIdleConnections();
        await closing;
      }
      await stoppingWorker;
      await handle.close();
      if (embedded) await embedded.stop();
    },
  };
}
