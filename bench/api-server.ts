import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { loadEnv } from "../server/env.ts";
import { startTether } from "../server/start.ts";

/**
 * Entry of the worker thread that runs Tether's web service during the API benchmark. Tether
 * gets an event loop of its own, as in production, so the load generator's work in the main
 * thread is not counted as server latency.
 */
const ServerInput = z.object({
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//),
  services: z.array(z.enum(["web", "worker"])).min(1),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/) });
const StopMessage = z.object({ kind: z.literal("stop") });

if (!parentPort) throw new Error("bench/api-server.ts runs only as a worker thread (see bench/api-stack.ts).");
const port = parentPort;
const input = ServerInput.parse(workerData);
const tether = await startTether({
  databaseUrl: input.databaseUrl,
  port: 0,
  services: input.services,
  webDir: null,
  secretKey: input.secretKey,
  env: loadEnv({ NODE_ENV: "production", LOG_LEVEL: "silent" }),
});
port.postMessage({ kind: "started", url: tether.url });
port.on("message", (message: unknown) => {
  StopMessage.parse(message);
  void tether.stop().then(
    () => port.postMessage({ kind: "stopped" }),
    (error: unknown) => port.postMessage({ kind: "stop_failed", message: error instanceof Error ? error.message : String(error) }),
  );
});
