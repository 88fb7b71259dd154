import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { startJiraSim } from "../sim/jira/index.ts";

/**
 * Worker-thread entry for the simulator benchmark: runs either the Jira simulator (seeded with
 * `issues` bulk issues) or a bare node:http "hello" server as the same-run baseline, on an event
 * loop of its own so the load generator in the main thread is not counted as server time.
 */
const Input = z.object({ kind: z.enum(["sim", "hello"]), issues: z.number().int().min(0) });

if (!parentPort) throw new Error("bench/sim-server.ts runs only as a worker thread (see bench/sim.ts).");
const port = parentPort;
const input = Input.parse(workerData);

if (input.kind === "hello") {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"hello":"world"}');
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    port.postMessage({ kind: "started", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
} else {
  const sim = await startJiraSim({ flavor: "cloud", seed: "empty", control: false });
  const seeded = sim.control.seedIssues(input.issues);
  port.postMessage({ kind: "started", url: sim.url, first: seeded.first, last: seeded.last });
}
