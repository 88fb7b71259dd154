import { sql } from "kysely";
import { z } from "zod";
import { type Db, openDatabase } from "../server/db/pool.ts";
import { startApiStack } from "./api-stack.ts";
import { type BenchWorkspace, seedUseCases, setUpBenchWorkspace } from "./api-seed.ts";
import { type HttpRequest, runLoad } from "./load.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * The use-case list filtered and sorted by custom fields against the same list sorted by a
 * built-in column, measured back to back in one run at 1,000 and 20,000 use cases (goal: within
 * 1.5×). Every use case holds a number (one in ten without) and a single select of five options.
 */

const CONNECTIONS = 8;
const timing = (options: BenchOptions) => (options.quick ? { durationMs: 1_000, warmupMs: 200 } : { durationMs: 5_000, warmupMs: 1_000 });
const sizes = (options: BenchOptions) => (options.quick ? [1_000] : [1_000, 20_000]);

const FieldBody = z.object({ customField: z.object({ options: z.array(z.object({ id: z.string() })) }) });

async function defineFields(url: string, workspace: BenchWorkspace): Promise<string[]> {
  const call = async (body: unknown) => {
    const response = await fetch(`${url}/api/v1/workspaces/${workspace.workspaceId}/custom-fields`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${workspace.apiToken}` },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`defining a field answered ${response.status}: ${await response.text()}`);
    return FieldBody.parse(await response.json());
  };
  await call({ key: "score", name: "Score", type: "number", decimals: 2 });
  const stage = await call({ key: "stage", name: "Stage", type: "singleSelect", options: ["Idea", "Pilot", "Scale", "Run", "Retire"].map((label) => ({ label })) });
  return stage.customField.options.map((o) => o.id);
}

/** Values for the use cases seeded since `fromNumber`, written as the API would store them (the trigger keeps the typed copies). */
async function fillValues(db: Db, workspaceId: string, optionIds: readonly string[]): Promise<void> {
  await sql`
    UPDATE use_cases SET custom_fields = jsonb_strip_nulls(jsonb_build_object(
      'score', CASE WHEN number % 10 = 3 THEN NULL ELSE round(((number * 7919) % 10007)::numeric / 7, 2) END,
      'stage', (${sql.val(optionIds)}::text[])[1 + number % ${optionIds.length}]))
    WHERE workspace_id = ${workspaceId}::uuid AND custom_fields = '{}'::jsonb`.execute(db);
  await sql`ANALYZE use_cases`.execute(db);
  await sql`ANALYZE use_case_field_values`.execute(db);
}

export async function runCustomFieldsBench(options: BenchOptions): Promise<BenchResult[]> {
  const stack = await startApiStack();
  const database = openDatabase(stack.databaseUrl, { max: 2 });
  try {
    const workspace = await setUpBenchWorkspace(stack.url);
    const optionIds = await defineFields(stack.url, workspace);
    const results: BenchResult[] = [];
    let seeded = 0;
    for (const size of sizes(options)) {
      await seedUseCases(database.db, workspace, size - seeded);
      await fillValues(database.db, workspace.workspaceId, optionIds);
      seeded = size;
      results.push(...(await measureAt(stack.url, workspace, optionIds, `${size / 1000}k`, options)));
    }
    return results;
  } finally {
    await database.close();
    await stack.stop();
  }
}

async function measureAt(url: string, workspace: BenchWorkspace, optionIds: readonly string[], label: string, options: BenchOptions): Promise<BenchResult[]> {
  const base = `/api/v1/workspaces/${workspace.workspaceId}/use-cases?limit=50`;
  const headers = { authorization: `Bearer ${workspace.apiToken}` };
  const get = (query: string): HttpRequest => ({ method: "GET", path: `${base}&${query}`, headers });
  const builtIn = { name: "GET list sort=-wsjf (built-in)", work: get("sort=-wsjf") };
  const cases = [
    { name: "GET list sort=-cf.score", work: get("sort=-cf.score") },
    { name: "GET list cf=stage:is:<1 of 5> sort=-cf.score", work: get(`cf=stage:is:${optionIds[2]}&sort=-cf.score`) },
    { name: "GET list cf=score:gte:1000 sort=cf.stage", work: get("cf=score:gte:1000&sort=cf.stage") },
  ];
  for (const { work } of [builtIn, ...cases]) await runLoad({ url, work, connections: CONNECTIONS, durationMs: timing(options).warmupMs });
  const results: BenchResult[] = [];
  const reference = await runLoad({ url, work: builtIn.work, connections: CONNECTIONS, ...timing(options) });
  const p95 = { figure: `${label} built-in sort p95`, value: reference.latencyMs.p95 };
  const rps = { figure: `${label} built-in sort req/s`, value: reference.perSecond };
  results.push(
    { figure: `${label}: ${builtIn.name}`, value: reference.latencyMs.p95, unit: "ms p95", baseline: null, errors: reference.errors },
    { figure: `${label}: ${builtIn.name}`, value: reference.perSecond, unit: "req/s", baseline: null, errors: reference.errors },
  );
  for (const { name, work } of cases) {
    const result = await runLoad({ url, work, connections: CONNECTIONS, ...timing(options) });
    if (result.firstError) console.error(`  ${label} ${name}: ${result.errors} errors, first: ${result.firstError}`);
    results.push(
      { figure: `${label}: ${name}`, value: result.latencyMs.p95, unit: "ms p95", baseline: p95, errors: result.errors },
      { figure: `${label}: ${name}`, value: result.perSecond, unit: "req/s", baseline: rps, errors: result.errors },
    );
  }
  return results;
}
