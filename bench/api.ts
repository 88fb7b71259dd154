import { sql } from "kysely";
import { z } from "zod";
import { type Db, openDatabase } from "../server/db/pool.ts";
import { startApiStack } from "./api-stack.ts";
import { type BenchWorkspace, sampleUseCaseIds, SEARCH_WORD, seedUseCases, setUpBenchWorkspace } from "./api-seed.ts";
import { fixedRequest, type HttpRequest, isSuccess, type LoadResult, type Operation, runLoad } from "./load.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * The HTTP API under load: a real PostgreSQL and Tether's web service, a workspace of 1,000 and
 * then 20,000 use cases, and the requests an integrator's script or the UI's list page send.
 * Every request is compared with GET /healthz measured just before it (same process, same
 * connections, no database), so the ratio says what the route costs on top of bare HTTP.
 */

const CONNECTIONS = 8;
const SIZES = [1_000, 20_000] as const;
const LARGEST = 20_000;
const timing = (options: BenchOptions) => (options.quick ? { durationMs: 1_500, warmupMs: 300 } : { durationMs: 5_000, warmupMs: 1_000 });

const VersionedUseCase = z.object({ useCase: z.object({ version: z.int() }) });

/**
 * `durable`: measured again with fsync on — requests that commit a write (an API-token lookup
 * is one), and the session-cookie read they are compared with.
 */
type Case = { name: string; work: HttpRequest | Operation; durable?: boolean };

export async function runApiBench(options: BenchOptions): Promise<BenchResult[]> {
  const stack = await startApiStack();
  const database = openDatabase(stack.databaseUrl, { max: 2 });
  try {
    const workspace = await setUpBenchWorkspace(stack.url);
    const results: BenchResult[] = [];
    let seeded = 0;
    let ids: string[] = [];
    for (const size of SIZES) {
      await seedUseCases(database.db, workspace, size - seeded);
      ids = await sampleUseCaseIds(database.db, workspace.workspaceId, 500);
      results.push(...(await measureAt(stack.url, requestsFor(workspace, ids), `${size / 1000}k`, options)));
      // Creates add use cases; count them so the next size is what it says.
      seeded = await countUseCases(database.db, workspace.workspaceId);
    }
    // The embedded cluster runs with fsync=off; production PostgreSQL does not. Requests that
    // commit a write (including every API-token lookup) are measured again with it on.
    await setFsync(database.db, true);
    const durable = requestsFor(workspace, ids).filter((c) => c.durable);
    results.push(...(await measureAt(stack.url, durable, `${LARGEST / 1000}k fsync=on`, options)));
    return results;
  } finally {
    await database.close();
    await stack.stop();
  }
}

async function countUseCases(db: Db, workspaceId: string): Promise<number> {
  const result = await sql<{ count: string }>`SELECT count(*) FROM use_cases WHERE workspace_id = ${workspaceId}::uuid`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** fsync is a reload-time setting: no restart needed. */
async function setFsync(db: Db, on: boolean): Promise<void> {
  await sql.raw(`ALTER SYSTEM SET fsync = ${on ? "on" : "off"}`).execute(db);
  await sql`SELECT pg_reload_conf()`.execute(db);
}

function requestsFor(workspace: BenchWorkspace, ids: readonly string[]): Case[] {
  const base = `/api/v1/workspaces/${workspace.workspaceId}/use-cases`;
  const token = { authorization: `Bearer ${workspace.apiToken}` };
  return [
    { name: "GET list (limit 50, default sort)", work: { method: "GET", path: `${base}?limit=50`, headers: token } },
    { name: `GET list q=${SEARCH_WORD} (2% match)`, work: { method: "GET", path: `${base}?limit=50&q=${SEARCH_WORD}`, headers: token } },
    { name: "GET list q=<no match>", work: { method: "GET", path: `${base}?limit=50&q=zzqx-nothing`, headers: token } },
    { name: "GET list sort=-wsjf", work: { method: "GET", path: `${base}?limit=50&sort=-wsjf`, headers: token } },
    { name: "GET one use case (API token)", work: getOne(base, ids, token), durable: true },
    { name: "GET one use case (session cookie)", work: getOne(base, ids, { cookie: workspace.sessionCookie }), durable: true },
    { name: "PATCH use case (version-checked)", work: patchOwnUseCase(base, ids, token), durable: true },
    { name: "POST create use case", work: createUseCase(base, token), durable: true },
  ];
}

async function measureAt(url: string, cases: readonly Case[], label: string, options: BenchOptions): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const healthzRequest: HttpRequest = { method: "GET", path: "/healthz" };
  // One unrecorded pass over every request first: a baseline measured cold would flatter every ratio.
  for (const work of [healthzRequest, ...cases.map((c) => c.work)]) {
    await runLoad({ url, work, connections: CONNECTIONS, durationMs: timing(options).warmupMs });
  }
  const healthz = await measure(url, healthzRequest, options);
  const baseline = { rps: { figure: `healthz ${label} req/s`, value: healthz.perSecond }, p95: { figure: `healthz ${label} p95`, value: healthz.latencyMs.p95 } };
  results.push(
    { figure: `${label}: GET /healthz (baseline)`, value: healthz.perSecond, unit: "req/s", baseline: null, errors: healthz.errors },
    { figure: `${label}: GET /healthz (baseline)`, value: healthz.latencyMs.p95, unit: "ms p95", baseline: null, errors: healthz.errors },
  );
  for (const { name, work } of cases) {
    const result = await measure(url, work, options);
    if (result.firstError) console.error(`  ${label} ${name}: ${result.errors} errors, first: ${result.firstError}`);
    results.push(
      { figure: `${label}: ${name}`, value: result.perSecond, unit: "req/s", baseline: baseline.rps, errors: result.errors },
      { figure: `${label}: ${name}`, value: result.latencyMs.p95, unit: "ms p95", baseline: baseline.p95, errors: result.errors },
    );
  }
  return results;
}

function measure(url: string, work: HttpRequest | Operation, options: BenchOptions): Promise<LoadResult> {
  return runLoad({ url, work, connections: CONNECTIONS, ...timing(options) });
}

/** Different use cases on successive requests, so no single row stays hot in every cache. */
function getOne(base: string, ids: readonly string[], headers: Record<string, string>): Operation {
  let next = 0;
  return (send) => {
    const id = ids[next++ % ids.length];
    return fixedRequest({ method: "GET", path: `${base}/${id}`, headers })(send, 0);
  };
}

/**
 * Each connection edits a use case of its own (as one person edits theirs), sending the version
 * its previous answer carried; the first edit reads the version with a GET. A 409 is an error:
 * with one writer per use case it means the version handling is wrong.
 */
function patchOwnUseCase(base: string, ids: readonly string[], headers: Record<string, string>): Operation {
  const versions = new Map<number, number>();
  let edits = 0;
  return async (send, connection) => {
    const id = ids[connection % ids.length];
    let version = versions.get(connection);
    if (version === undefined) {
      const read = await send({ method: "GET", path: `${base}/${id}`, headers });
      if (!isSuccess(read.status)) throw new Error(`GET ${id} answered ${read.status}`);
      version = VersionedUseCase.parse(JSON.parse(read.body)).useCase.version;
    }
    edits += 1;
    const reply = await send({
      method: "PATCH",
      path: `${base}/${id}`,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ version, title: `Edited in the benchmark (${edits})`, businessValue: edits % 101 }),
    });
    if (!isSuccess(reply.status)) {
      versions.delete(connection);
      throw new Error(`PATCH answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    }
    versions.set(connection, VersionedUseCase.parse(JSON.parse(reply.body)).useCase.version);
    return true;
  };
}

function createUseCase(base: string, headers: Record<string, string>): Operation {
  let created = 0;
  return (send) => {
    created += 1;
    return fixedRequest({
      method: "POST",
      path: base,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({
        title: `Created in the benchmark (${created})`,
        description: "A use case created by `npm run bench`.",
        tags: ["bench"],
        businessValue: 40,
        timeCriticality: 20,
        riskReduction: 10,
        jobSize: 5,
      }),
    })(send, 0);
  };
}
