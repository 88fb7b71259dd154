import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { signBody } from "../integrations/jira/webhooks/signature.ts";
import { type Db, openDatabase } from "../server/db/pool.ts";
import { startApiStack } from "./api-stack.ts";
import { setUpBenchWorkspace } from "./api-seed.ts";
import { type LoadResult, type Operation, runLoad } from "./load.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * Jira → Tether: how fast Tether durably takes webhook deliveries in (verify the HMAC over the
 * raw body, store the summary deduplicated by identifier, enqueue the ingest job, answer 202),
 * compared with a bare PostgreSQL insert loop of the same rows on the same database, same
 * concurrency, same run. Measured with fsync off (as tests run) and on (production durability).
 * The webhook → use-case latency and repair-time figures of issue 8 are not measured yet.
 */

const CONNECTIONS = 8;
const timing = (options: BenchOptions) => (options.quick ? { durationMs: 1_500, warmupMs: 300 } : { durationMs: 5_000, warmupMs: 1_000 });
const capture = readFileSync(path.resolve(import.meta.dirname, "../../shared/jira-webhooks/cloud-issue_updated-status.json"), "utf8");

export async function runPullBench(options: BenchOptions): Promise<BenchResult[]> {
  const stack = await startApiStack();
  const database = openDatabase(stack.databaseUrl, { max: 2 });
  const raw = new pg.Pool({ connectionString: stack.databaseUrl, max: CONNECTIONS });
  try {
    const workspace = await setUpBenchWorkspace(stack.url);
    const hookPath = await webhookEndpoint(stack.url, workspace.workspaceId, workspace.apiToken, database.db);
    await raw.query("CREATE TABLE bench_plain_deliveries (LIKE jira_webhook_deliveries INCLUDING DEFAULTS INCLUDING INDEXES)");
    const results: BenchResult[] = [];
    for (const fsync of [false, true]) {
      await setFsync(database.db, fsync);
      const label = fsync ? "fsync=on" : "fsync=off";
      await bareInserts(raw, workspace.workspaceId, timing(options).warmupMs, false);
      const bare = await bareInserts(raw, workspace.workspaceId, timing(options).durationMs, false);
      const withJob = await bareInserts(raw, workspace.workspaceId, timing(options).durationMs, true);
      const healthz = await runLoad({ url: stack.url, work: { method: "GET", path: "/healthz" }, connections: CONNECTIONS, durationMs: timing(options).durationMs, warmupMs: timing(options).warmupMs });
      const work = deliver(hookPath.path, hookPath.secret);
      await runLoad({ url: stack.url, work, connections: CONNECTIONS, durationMs: timing(options).warmupMs });
      const hooks = await runLoad({ url: stack.url, work, connections: CONNECTIONS, durationMs: timing(options).durationMs });
      if (hooks.firstError) console.error(`  pull ${label}: ${hooks.errors} errors, first: ${hooks.firstError}`);
      const baseline = { figure: `bare INSERT ${label} rows/s`, value: bare.perSecond };
      results.push(
        { figure: `${label}: bare PostgreSQL INSERT loop (baseline)`, value: bare.perSecond, unit: "rows/s", baseline: null, errors: bare.errors },
        { figure: `${label}: same INSERT + graphile add_job, one statement (SQL only)`, value: withJob.perSecond, unit: "rows/s", baseline, errors: withJob.errors },
        { figure: `${label}: GET /healthz (HTTP, no database)`, value: healthz.perSecond, unit: "req/s", baseline: null, errors: healthz.errors },
        { figure: `${label}: POST /hooks/jira (signed, stored, enqueued)`, value: hooks.perSecond, unit: "deliveries/s", baseline, errors: hooks.errors },
        { figure: `${label}: POST /hooks/jira`, value: hooks.latencyMs.p99, unit: "ms p99", baseline: null, errors: hooks.errors },
      );
    }
    return results;
  } finally {
    await raw.end();
    await database.close();
    await stack.stop();
  }
}

async function webhookEndpoint(url: string, workspaceId: string, token: string, db: Db): Promise<{ path: string; secret: string }> {
  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}/api/v1/workspaces/${workspaceId}/integrations/jira${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  await api("PUT", "/connection", { kind: "datacenter_pat", baseUrl: "http://127.0.0.1:9/jira", secret: "bench", projectKeys: ["TETH"] });
  await api("GET", "/webhook");
  const { secret } = (await api("POST", "/webhook/secret")) as { secret: string };
  const row = await db.selectFrom("jira_webhook_endpoints").select("path_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  return { path: `/hooks/jira/${row.path_id}`, secret };
}

/** Every delivery a new identifier (as Jira sends), the same signed body. */
function deliver(hookPath: string, secret: string): Operation {
  const signature = signBody(secret, capture);
  let next = 0;
  return async (send) => {
    const reply = await send({
      method: "POST",
      path: hookPath,
      headers: { "content-type": "application/json", "x-hub-signature": signature, "x-atlassian-webhook-identifier": `bench-${process.pid}-${next++}` },
      body: capture,
    });
    return reply.status === 202;
  };
}

/** The baseline: CONNECTIONS loops inserting the same summary row (optionally with its job), one statement each, no HTTP. */
async function bareInserts(pool: pg.Pool, workspaceId: string, durationMs: number, addJob: boolean): Promise<Pick<LoadResult, "perSecond" | "errors">> {
  const insert =
    "INSERT INTO bench_plain_deliveries (workspace_id, identifier, event, issue_id, issue_key, signed) VALUES ($1, $2, 'jira:issue_updated', '10005', 'API-1', true) ON CONFLICT DO NOTHING";
  // The job goes to a task no worker runs here, like the route's (no worker in this stack).
  const statement = addJob ? `WITH stored AS (${insert} RETURNING id) SELECT graphile_worker.add_job('bench_noop', json_build_object('id', stored.id::text)) FROM stored` : insert;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let count = 0;
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        try {
          await pool.query(statement, [workspaceId, `plain-${addJob ? "job" : "row"}-${next++}`]);
          count++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { perSecond: count / ((performance.now() - started) / 1000), errors };
}

async function setFsync(db: Db, on: boolean): Promise<void> {
  await sql.raw(`ALTER SYSTEM SET fsync = ${on ? "on" : "off"}`).execute(db);
  await sql`SELECT pg_reload_conf()`.execute(db);
}
