import { parseArgs } from "node:util";
import { EnvError, loadEnv } from "./env.ts";
import { createLogger } from "./logging/logger.ts";
import { type Service, startTether } from "./start.ts";

/**
 * The one Tether binary. `--services=web,worker` picks the roles of this process (default:
 * both, plus an embedded PostgreSQL when DATABASE_URL is not set). `--migrate-only` migrates
 * and exits.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      services: { type: "string", default: "web,worker" },
      "migrate-only": { type: "boolean", default: false },
      dev: { type: "boolean", default: false },
    },
  });
  const services = values.services.split(",").map((s) => s.trim());
  const unknown = services.filter((s) => s !== "web" && s !== "worker");
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(", ")}. Use --services=web,worker.`);

  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const tether = await startTether({
    env,
    logger,
    services: values["migrate-only"] ? [] : (services as Service[]),
    ...(values.dev ? { webDir: null } : {}),
  });
  if (values["migrate-only"]) {
    await tether.stop();
    logger.info("migrations applied");
    return;
  }
  const users = await tether.deps.db.selectFrom("users").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  logger.info({ url: tether.url || undefined, services }, "Tether is running");
  if (tether.url) process.stdout.write(`\n  Tether is running at ${tether.url}\n`);
  if (tether.url && Number(users.n) === 0) {
    process.stdout.write(
      `  No accounts yet: open ${tether.url}/signup to create the first one (it becomes Admin of the workspace it creates),\n` +
        `  or run: npm run tether -- create-admin --email you@example.com --password '<at least 10 characters>'\n\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    tether.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "unclean stop");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error("Tether failed to start:", error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error("  cause:", error.cause);
  }
  process.exit(1);
});
