import { sql } from "kysely";
import { z } from "zod";
import { type Db, openDatabase } from "../server/db/pool.ts";
import { type ApiStack, startApiStack } from "./api-stack.ts";
import { type ListFigure, measureDatabaseTime } from "./customfields-plan.ts";
import { type BenchWorkspace, seedUseCases, setUpBenchWorkspace } from "./api-seed.ts";
import { type HttpRequest, type LoadResult, runLoad } from "./load.ts";
import type { BenchOptions, BenchResult } from "./report.ts";

/**
 * The use-case list filtered and sorted by custom fields against the same list sorted by a
 * built-in column, measured back to back in one run at 1,000 and 20,000 use cases (goal: within
 * 1.5×). Every use case holds a number (one in ten without) and a single select of five options.
 */

const CONNECTIONS = 8;
const timing = (options: BenchOptions) => (options.quick ? { rounds: 1, sliceMs: 1_000, warmupMs: 200 } : { rounds: 5, sliceMs: 2_000, warmupMs: 1_000 });
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
      results.push(...(await measureAt(stack, workspace, optionIds, `${size / 1000}k`, options)));
    }
    return results;
  } finally {
    await database.close();
    await stack.stop();
  }
}

/**
 * Every figure is measured in `rounds` slices, taken in turn with the built-in sort's (built-in,
 * custom 1, custom 2, custom 3, built-in, …), so load from elsewhere on the machine falls on all of
 * them alike. A figure's p95 is the median of its slices' p95; its req/s is over all its slices.
 */
async function measureAt(stack: ApiStack, workspace: BenchWorkspace, optionIds: readonly string[], label: string, options: BenchOptions): Promise<BenchResult[]> {
  const url = stack.url;
  const base = `/api/v1/workspaces/${workspace.workspaceId}/use-cases?limit=50`;
  const headers = { authorization: `Bearer ${workspace.apiToken}` };
  const get = (query: string): HttpRequest => ({ method: "GET", path: `${base}&${query}`, headers });
  const lists: ListFigure[] = [
    { name: "GET list sort=-wsjf (built-in)", sort: "-wsjf", cf: [] },
    { name: "GET list sort=-cf.score", sort: "-cf.score", cf: [] },
    { name: "GET list cf=stage:is:<1 of 5> sort=-cf.score", sort: "-cf.score", cf: [`stage:is:${optionIds[2]}`] },
    { name: "GET list cf=score:gte:1000 sort=cf.stage", sort: "cf.stage", cf: ["score:gte:1000"] },
  ];
  const figures = lists.map((list) => ({ name: list.name, work: get([...list.cf.map((f) => `cf=${f}`), `sort=${list.sort}`].join("&")) }));
  const { rounds, sliceMs, warmupMs } = timing(options);
  for (const { work } of figures) await runLoad({ url, work, connections: CONNECTIONS, durationMs: warmupMs });
  const slices: LoadResult[][] = figures.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, { work }] of figures.entries()) slices[index]?.push(await runLoad({ url, work, connections: CONNECTIONS, durationMs: sliceMs }));
  }
  const measured = figures.map(({ name }, index) => ({ name, ...combine(slices[index] ?? []) }));
  const [builtIn, ...cases] = measured;
  if (!builtIn) return [];
  const p95 = { figure: `${label} built-in sort p95`, value: builtIn.p95 };
  const rps = { figure: `${label} built-in sort req/s`, value: builtIn.perSecond };
  const results: BenchResult[] = [
    { figure: `${label}: ${builtIn.name}`, value: builtIn.p95, unit: "ms p95", baseline: null, errors: builtIn.errors },
    { figure: `${label}: ${builtIn.name}`, value: builtIn.perSecond, unit: "req/s", baseline: null, errors: builtIn.errors },
  ];
  for (const figure of cases) {
    if (figure.firstError) console.error(`  ${label} ${figure.name}: ${figure.errors} errors, first: ${figure.firstError}`);
    results.push(
      { figure: `${label}: ${figure.name}`, value: figure.p95, unit: "ms p95", baseline: p95, errors: figure.errors },
      { figure: `${label}: ${figure.name}`, value: figure.perSecond, unit: "req/s", baseline: rps, errors: figure.errors },
    );
  }
  results.push(...(await measureDatabaseTime(stack.databaseUrl, workspace, lists, label, options.quick ? 5 : 21)));
  return results;
}

function combine(slices: readonly LoadResult[]) {
  const p95s = slices.map((s) => s.latencyMs.p95).sort((a, b) => a - b);
  const elapsedMs = slices.reduce((sum, s) => sum + s.elapsedMs, 0);
  return {
    p95: p95s[Math.floor((p95s.length - 1) / 2)] ?? Number.NaN,
    perSecond: elapsedMs > 0 ? (slices.reduce((sum, s) => sum + s.operations, 0) / elapsedMs) * 1000 : 0,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    firstError: slices.find((s) => s.firstError)?.firstError ?? null,
  };
}
