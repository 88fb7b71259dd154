import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { runLoad, type LoadResult } from "./load.ts";
import { BenchResult, formatTable, type BenchOptions } from "./report.ts";

/**
 * Jira simulator throughput and memory. Figures are ratios to a bare node:http "hello" server
 * (throughput) and to the simulator's own empty-site RSS (memory), both measured in this run.
 * Targets: ≥ 5,000 GET issue/s on 2 cores with faults off; ≤ 500 MB RSS with 100,000 issues.
 */
const ISSUES = 100_000;
const CONNECTIONS = 16;
const Started = z.object({ kind: z.literal("started"), url: z.string(), first: z.string().nullable().optional(), last: z.string().nullable().optional() });
const Memory = z.object({ emptyRssMb: z.number(), loadedRssMb: z.number(), heapUsedMb: z.number(), seedMs: z.number(), issues: z.number() });

async function startThread(kind: "sim" | "hello", issues: number): Promise<{ url: string; stop(): Promise<void> }> {
  const entry = new URL("./sim-server.ts", import.meta.url).href;
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { kind, issues } });
  const started = await new Promise<z.infer<typeof Started>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} thread did not start within 120 s`)), 120_000);
    worker.once("message", (message: unknown) => {
      clearTimeout(timer);
      resolve(Started.parse(message));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${kind} thread failed`, { cause: error }));
    });
  });
  return { url: started.url, stop: async () => void (await worker.terminate()) };
}

function throughput(figure: string, result: LoadResult, baseline: { figure: string; value: number } | null): BenchResult {
  if (result.firstError) console.warn(`${figure}: ${result.errors} errors, first: ${result.firstError}`);
  return { figure, value: result.perSecond, unit: "req/s", baseline, errors: result.errors };
}

async function measureMemory(): Promise<z.infer<typeof Memory>> {
  const script = fileURLToPath(new URL("./sim-memory.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--expose-gc", script, String(ISSUES)], { maxBuffer: 1 << 20 });
  const line = stdout.trim().split("\n").pop() ?? "";
  return Memory.parse(JSON.parse(line));
}

export async function runSimBench(options: BenchOptions = { quick: false }): Promise<BenchResult[]> {
  const durationMs = options.quick ? 1_500 : 5_000;
  const warmupMs = options.quick ? 300 : 1_000;
  const results: BenchResult[] = [];

  const hello = await startThread("hello", 0);
  let helloFigure: { figure: string; value: number };
  try {
    const load = await runLoad({ url: hello.url, work: { method: "GET", path: "/" }, connections: CONNECTIONS, durationMs, warmupMs });
    helloFigure = { figure: "node:http hello", value: load.perSecond };
    results.push(throughput("node:http hello", load, null));
  } finally {
    await hello.stop();
  }

  const sim = await startThread("sim", ISSUES);
  try {
    const authorization = `Basic ${Buffer.from("ada@tether.example:sim-token-ada").toString("base64")}`;
    const headers = { authorization, "content-type": "application/json" };
    const getIssue = await runLoad({
      url: sim.url,
      work: async (send, connection) => {
        const key = `TETH-${1 + ((connection * 7919 + Math.floor(Math.random() * ISSUES)) % ISSUES)}`;
        const reply = await send({ method: "GET", path: `/rest/api/3/issue/${key}`, headers });
        return reply.status === 200;
      },
      connections: CONNECTIONS,
      durationMs,
      warmupMs,
    });
    results.push(throughput(`GET issue (${ISSUES} issues)`, getIssue, helloFigure));

    const pageBody = JSON.stringify({ jql: "parent = TETH-51 ORDER BY key ASC", fields: ["summary", "status", "assignee", "customfield_10016"], maxResults: 50 });
    const searchPage = await runLoad({ url: sim.url, work: { method: "POST", path: "/rest/api/3/search/jql", headers, body: pageBody }, connections: CONNECTIONS, durationMs, warmupMs });
    results.push(throughput("search page, 49 issues (cached query)", searchPage, helloFigure));

    const epics = ISSUES / 50;
    let next = 0;
    const uncached = await runLoad({
      url: sim.url,
      work: async (send) => {
        // Cycling through more epics than the result cache holds defeats the cache; the parent index answers.
        const epic = 1 + 50 * (next++ % epics);
        const body = JSON.stringify({ jql: `parent = TETH-${epic}`, fields: ["summary", "status"], maxResults: 50 });
        return (await send({ method: "POST", path: "/rest/api/3/search/jql", headers, body })).status === 200;
      },
      connections: 4,
      durationMs,
      warmupMs,
    });
    results.push(throughput("search page, a different epic each time (parent index, no cache)", uncached, helloFigure));

    let word = 0;
    const scan = await runLoad({
      url: sim.url,
      work: async (send) => {
        // No index applies to a text search: every issue is checked (the worst case).
        const body = JSON.stringify({ jql: `project = TETH AND summary ~ "issue ${1 + (word++ % 5000)}"`, fields: ["summary"], maxResults: 50 });
        return (await send({ method: "POST", path: "/rest/api/3/search/jql", headers, body })).status === 200;
      },
      connections: 2,
      durationMs,
      warmupMs,
    });
    results.push(throughput(`search page, text search scanning ${ISSUES} issues (no cache)`, scan, helloFigure));
  } finally {
    await sim.stop();
  }

  const memory = await measureMemory();
  results.push({ figure: "RSS empty site", value: memory.emptyRssMb, unit: "MB", baseline: null });
  results.push({ figure: `RSS with ${memory.issues} issues`, value: memory.loadedRssMb, unit: "MB", baseline: { figure: "RSS empty site", value: memory.emptyRssMb } });
  results.push({ figure: `seed ${ISSUES} issues`, value: memory.seedMs, unit: "ms", baseline: null });
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runSimBench({ quick: process.argv.includes("--quick") });
  console.log(formatTable("Jira simulator", results.map((result) => BenchResult.parse(result))));
}
