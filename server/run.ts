import { parseArgs } from "node:util";
import { describeDemo, demoEnv, prepareDemo, type RunningDemo, startDemoJiraFor } from "./demo/start-demo.ts";
import type { DemoJira } from "./demo/demo-jira.ts";
import { loadEnv } from "./env.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { type RunningTether, type Service, startTether } from "./start.ts";

export type RunOptions = {
  /** Command-line arguments: `--services=web,worker`, `--migrate-only`, `--dev`, `--demo`. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Where the start-up banner goes (stdout for `npm start`). */
  print?: (text: string) => void;
  logger?: Logger;
  /** Overrides where the built web UI is served from (tests). */
  webDir?: string | null;
};

export type RunningProduct = { tether: RunningTether; demo: RunningDemo | null; stop(): Promise<void> };

/**
 * What `npm start` runs (server/main.ts adds signal handling): parses the flags, starts Tether
 * and, with `--demo` or TETHER_DEMO=1, the Jira simulator and the demo workspace first.
 * Returns null after `--migrate-only`.
 */
export async function runTether(options: RunOptions): Promise<RunningProduct | null> {
  const { values } = parseArgs({
    args: [...options.argv],
    options: {
      services: { type: "string", default: "web,worker" },
      "migrate-only": { type: "boolean", default: false },
      dev: { type: "boolean", default: false },
      demo: { type: "boolean", default: false },
    },
  });
  const services = values.services.split(",").map((s) => s.trim());
  const unknown = services.filter((s) => s !== "web" && s !== "worker");
  if (unknown.length > 0) throw new Error(`Unknown service(s): ${unknown.join(", ")}. Use --services=web,worker.`);
  const print = options.print ?? ((text: string) => process.stdout.write(text));

  let env = loadEnv(options.env);
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL });
  const demo = (values.demo || env.TETHER_DEMO) && !values["migrate-only"];
  if (demo && !(services.includes("web") && services.includes("worker"))) throw new Error("Demo mode runs web and worker in one process: drop --services.");
  let jira: DemoJira | undefined;
  if (demo) {
    env = await demoEnv(env, { dataDir: Boolean(options.env.TETHER_DATA_DIR), embeddedPort: Boolean(options.env.EMBEDDED_PG_PORT) });
    jira = await startDemoJiraFor(env, logger);
  }
  let tether: RunningTether;
  try {
    tether = await startTether({
      env,
      logger,
      port: env.PORT,
      services: values["migrate-only"] ? [] : (services as Service[]),
      ...(options.webDir !== undefined ? { webDir: options.webDir } : values.dev ? { webDir: null } : {}),
    });
  } catch (error) {
    await jira?.stop();
    throw error;
  }
  if (values["migrate-only"]) {
    await tether.stop();
    logger.info("migrations applied");
    return null;
  }
  const stop = async () => {
    await tether.stop();
    await jira?.stop();
  };
  let running: RunningDemo | null = null;
  if (jira) {
    try {
      running = await prepareDemo(tether, jira);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  logger.info({ url: tether.url || undefined, services, demo }, "Tether is running");
  if (running) {
    print(describeDemo(tether.url, running));
  } else if (tether.url) {
    print(`\n  Tether is running at ${tether.url}\n`);
    const users = await tether.deps.db.selectFrom("users").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    if (Number(users.n) === 0) {
      print(
        `  No accounts yet: open ${tether.url}/signup to create the first one (it becomes Admin of the workspace it creates),\n` +
          `  or run: npm run tether -- create-admin --email you@example.com --password '<at least 10 characters>'\n` +
          `  To look around first: npm start -- --demo\n\n`,
      );
    }
  }
  return { tether, demo: running, stop };
}
