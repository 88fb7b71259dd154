import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { createDatabase } from "../server/db/database-admin.ts";
import { startEmbeddedPostgres } from "../server/db/embedded.ts";
import { prepareDatabase } from "../server/db/prepare.ts";
import { freePort } from "../server/testing/global-setup.ts";

/** A throw-away PostgreSQL and Tether's web service (in a worker thread) for one benchmark run. */
export type ApiStack = { url: string; databaseUrl: string; stop(): Promise<void> };

const ServerMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("started"), url: z.string() }),
  z.object({ kind: z.literal("stopped") }),
  z.object({ kind: z.literal("stop_failed"), message: z.string() }),
]);
type ServerMessage = z.infer<typeof ServerMessage>;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** `services`: Tether's web service only (default), or with its job worker too (the push benchmark). */
export type ApiStackOptions = { services?: readonly ("web" | "worker")[] };

export async function startApiStack(options: ApiStackOptions = {}): Promise<ApiStack> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), "tether-bench-pg-"));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), persistent: false });
    cleanups.push(() => postgres.stop());
    const databaseUrl = await createDatabase(postgres.url, "tether_bench");
    await prepareDatabase(databaseUrl);
    const server = await startServerThread(databaseUrl, options.services ?? ["web"]);
    cleanups.push(server.stop);
    return { url: server.url, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * tsx's loader hooks do not reach worker threads started with a .ts entry on Node 20, so the
 * worker boots from a small script that registers them first.
 */
async function startServerThread(databaseUrl: string, services: readonly string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const entry = new URL("./api-server.ts", import.meta.url).href;
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { databaseUrl, services, secretKey: randomBytes(32).toString("hex") } });
  const next = (kinds: readonly ServerMessage["kind"][], timeoutMs: number) =>
    new Promise<ServerMessage>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`Tether's thread sent none of ${kinds.join(", ")} within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (raw: unknown) => {
        const message = ServerMessage.parse(raw);
        if (kinds.includes(message.kind)) finish(undefined, message);
      };
      const onError = (error: Error) => finish(new Error("Tether's thread failed", { cause: error }));
      const onExit = (code: number) => finish(new Error(`Tether's thread exited with code ${code}`));
      function finish(error: Error | undefined, message?: ServerMessage) {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (message) resolve(message);
        else reject(error);
      }
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });

  let started: ServerMessage;
  try {
    started = await next(["started"], START_TIMEOUT_MS);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  if (started.kind !== "started") throw new Error("unreachable: waited for started");
  return {
    url: started.url,
    stop: async () => {
      const stopped = next(["stopped", "stop_failed"], STOP_TIMEOUT_MS);
      worker.postMessage({ kind: "stop" });
      try {
        const reply = await stopped;
        if (reply.kind === "stop_failed") throw new Error(`Tether did not stop cleanly: ${reply.message}`);
      } finally {
        await worker.terminate();
      }
    },
  };
}
