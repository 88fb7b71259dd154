import { Pool } from "undici";
import { createJiraClient } from "../integrations/jira/client/index.ts";
import { jiraFieldsToRead } from "../integrations/jira/sync/mapping-context.ts";
import type { JiraMapping } from "../common/contracts/jira-mapping.ts";
import { type Db, openDatabase } from "../server/db/pool.ts";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { setUpBenchWorkspace } from "./api-seed.ts";
import { startApiStack } from "./api-stack.ts";
import { type Load, measureSaves } from "./push-load.ts";
import { connectAndLink, queueIdle } from "./push-setup.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * Save → Jira-updated latency (issue 7). Tether (web + a real graphile-worker, in a thread of its
 * own) against the Jira simulator (Cloud, in this thread) over real HTTP and a real PostgreSQL.
 * Saves (title changes) arrive open-loop at a fixed rate, spread over many linked use cases so
 * no two saves of one link fall within the 1 s coalescing window. Each save's latency runs from
 * its PATCH answer to the moment the simulator holds the new summary (a write hook, no polling).
 * Baseline, same run, same simulator: the raw Jira calls a push needs — GET issue (mapped fields,
 * changelog) then PUT edit — made directly with the JiraClient, one after another.
 */
/** Full: once inside Tether's own PUT budget (25/s), then at the goal's rate. Quick (a smoke test inside `npm test`): 0.4 s at the goal's rate. */
const phases = (options: BenchOptions) =>
  options.quick ? [{ rate: 50, seconds: 0.4 }] : [{ rate: 20, seconds: 5 }, { rate: 50, seconds: 10 }];
/** Each use case is saved at most once per this many seconds (pushes within 1 s of the last one coalesce). */
const SECONDS_BETWEEN_SAVES_OF_ONE_LINK = 2;
const LAND_TIMEOUT_MS = 60_000;

type Figure = { figure: string; value: number };

export async function runPushBench(options: BenchOptions): Promise<BenchResult[]> {
  const sim = await startJiraSim({ flavor: "cloud", seed: "demo", control: false });
  const stack = await startApiStack({ services: ["web", "worker"] }).catch(async (error: unknown) => {
    await sim.stop();
    throw error;
  });
  const database = openDatabase(stack.databaseUrl, { max: 2 });
  const http = new Pool(stack.url, { connections: 16, pipelining: 1, keepAliveTimeout: 60_000 });
  try {
    const started = performance.now();
    const workspace = await setUpBenchWorkspace(stack.url);
    const linked = Math.max(...phases(options).map((phase) => Math.round(Math.min(phase.rate * phase.seconds, phase.rate * SECONDS_BETWEEN_SAVES_OF_ONE_LINK))));
    const setup = await connectAndLink(stack.url, workspace, sim, linked);
    await queueIdle(database.db);
    console.log(`  push: ${linked} use cases linked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const raw = await measureRawJira(sim, setup.mapping as unknown as JiraMapping, options.quick ? 20 : 200);
    const rawP50 = { figure: "raw Jira GET+PUT p50", value: raw.p50 };
    const rawP99 = { figure: "raw Jira GET+PUT p99", value: raw.p99 };
    const results: BenchResult[] = [
      { figure: "raw Jira GET+PUT p50 (baseline)", value: raw.p50, unit: "ms", baseline: null },
      { figure: "raw Jira GET+PUT p99 (baseline)", value: raw.p99, unit: "ms", baseline: null },
    ];
    const versions = new Map(setup.useCases.map((u) => [u.id, u.version]));
    const base = `/api/v1/workspaces/${workspace.workspaceId}/use-cases`;
    for (const phase of phases(options)) {
      sim.control.clearRequestLog();
      sim.control.clearWriteCounts();
      const lastLogId = await newestSyncLogId(database.db);
      const saves = Math.round(phase.rate * phase.seconds);
      const load = await measureSaves(sim, http, { base, token: workspace.apiToken, useCases: setup.useCases, versions, saves, rate: phase.rate, landTimeoutMs: LAND_TIMEOUT_MS });
      await queueIdle(database.db, LAND_TIMEOUT_MS);
      const jobs = await pushJobDurations(database.db, lastLogId);
      const requests = sim.control.requestLog().length;
      const writes = Object.values(sim.control.writesPerIssue()).reduce((sum, n) => sum + n, 0);
      results.push(...phaseFigures(`${phase.rate}/s`, { load, saves, jobs, requests, writes, rawP50, rawP99 }));
    }
    return results;
  } finally {
    await http.close();
    await database.close();
    await stack.stop();
    await sim.stop();
  }
}

type PhaseInput = { load: Load; saves: number; jobs: number[]; requests: number; writes: number; rawP50: Figure; rawP99: Figure };

function phaseFigures(label: string, input: PhaseInput): BenchResult[] {
  const { load, rawP50, rawP99 } = input;
  const landed = load.latencies.length;
  const errors = load.failedSaves + load.wrongInJira;
  const p50 = percentile(load.latencies, 50);
  const p99 = percentile(load.latencies, 99);
  return [
    { figure: `${label}: saves sent per second`, value: load.sentPerSecond, unit: "saves/s", baseline: null, errors: load.failedSaves },
    { figure: `${label}: PATCH answered p50 (the save itself)`, value: percentile(load.patchMs, 50), unit: "ms", baseline: rawP50, errors: load.failedSaves },
    { figure: `${label}: save answered → Jira updated p50`, value: p50, unit: "ms", baseline: rawP50, errors },
    { figure: `${label}: save answered → Jira updated p99`, value: p99, unit: "ms", baseline: rawP99, errors },
    { figure: `${label}: added by Tether p50 (goal ≤ 20 ms)`, value: p50 - rawP50.value, unit: "ms", baseline: rawP50, errors },
    { figure: `${label}: added by Tether p99 (goal ≤ 100 ms)`, value: p99 - rawP99.value, unit: "ms", baseline: rawP99, errors },
    { figure: `${label}: saves carried by a later push (coalesced)`, value: input.saves - load.failedSaves - landed, unit: "saves", baseline: null },
    { figure: `${label}: sync job, lock taken → logged, p50`, value: percentile(input.jobs, 50), unit: "ms", baseline: rawP50 },
    { figure: `${label}: sync job, lock taken → logged, p99`, value: percentile(input.jobs, 99), unit: "ms", baseline: rawP99 },
    { figure: `${label}: Jira writes per save (goal 1.0)`, value: input.saves > 0 ? input.writes / input.saves : 0, unit: "writes", baseline: null, errors },
    { figure: `${label}: Jira calls per save`, value: input.saves > 0 ? input.requests / input.saves : 0, unit: "calls", baseline: null, errors },
  ];
}

async function newestSyncLogId(db: Db): Promise<number> {
  const row = await db.selectFrom("jira_sync_log").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** How long each push's job ran once it held the link's lock (the sync log's duration). */
async function pushJobDurations(db: Db, afterId: number): Promise<number[]> {
  const rows = await db.selectFrom("jira_sync_log").select("duration_ms").where("id", ">", afterId as never).where("operation", "=", "push").execute();
  return rows.flatMap((row) => (row.duration_ms === null ? [] : [row.duration_ms]));
}

/** The calls a push makes, straight to the simulator, one pair at a time, on Epics no link uses. */
async function measureRawJira(sim: JiraSim, mapping: JiraMapping, pairs: number): Promise<{ p50: number; p99: number }> {
  const client = createJiraClient(
    { flavor: "cloud", siteUrl: sim.url, auth: { kind: "basic", email: "ada@tether.example", apiToken: "sim-token-ada" } },
    // Raw calls: no pacing of our own (the pairs run back to back, far above Tether's budget).
    { rateLimitRules: { getPost: { ratePerSecond: 1e6, burst: 1e6 }, putDelete: { ratePerSecond: 1e6, burst: 1e6 }, issueWriteShort: { ratePerSecond: 1e6, burst: 1e6 }, issueWriteLong: { ratePerSecond: 1e6, burst: 1e6 } } },
  );
  const keys = Array.from({ length: 20 }, (_, n) => sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { id: mapping.issueTypeId }, summary: `Raw baseline ${n}` }).key);
  const fields = jiraFieldsToRead(mapping);
  const pair = async (n: number) => {
    const key = keys[n % keys.length]!;
    const started = performance.now();
    await client.getIssue(key, { fields, expandChangelog: true });
    await client.editIssue(key, { summary: `Raw baseline edit ${n}` });
    return performance.now() - started;
  };
  for (let n = 0; n < 20; n += 1) await pair(n); // warm-up: connections, JIT
  const timings: number[] = [];
  for (let n = 0; n < pairs; n += 1) timings.push(await pair(n));
  return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
