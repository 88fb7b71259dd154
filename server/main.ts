import { EnvError } from "./env.ts";
import { runTether } from "./run.ts";

/**
 * The one Tether binary. `--services=web,worker` picks the roles of this process (default:
 * both, plus an embedded PostgreSQL when DATABASE_URL is not set). `--migrate-only` migrates
 * and exits. `--demo` (or TETHER_DEMO=1) adds a Jira simulator and a ready demo workspace.
 */
async function main(): Promise<void> {
  const running = await runTether({ argv: process.argv.slice(2), env: process.env });
  if (!running) return;
  const logger = running.tether.deps.logger;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    running.stop().then(
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
