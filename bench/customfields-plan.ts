import { type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { z } from "zod";
import { ListSort } from "../common/contracts/use-cases.ts";
import { listUseCases } from "../server/commands/use-case-list.ts";
import type { Database } from "../server/db/schema.ts";
import type { BenchWorkspace } from "./api-seed.ts";
import type { BenchResult } from "./report.ts";

/** One list of the scenario: its name and the query string's `sort` and `cf`. */
export type ListFigure = { name: string; sort: string; cf: string[] };

/**
 * The database's own time for each list (EXPLAIN ANALYZE: planning + execution of every SQL
 * statement one page runs, as Tether's list command issues them), median of `rounds` taken in turn
 * with the built-in sort's. One connection, no HTTP: what the query shape costs, apart from the
 * load on the machine's HTTP path.
 */
export async function measureDatabaseTime(databaseUrl: string, workspace: BenchWorkspace, lists: readonly ListFigure[], label: string, rounds: number): Promise<BenchResult[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", () => undefined);
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (event) => void (event.level === "query" && captured.push(event.query)) });
  try {
    const caller = { userId: workspace.userId, role: "admin" as const, workspaceId: workspace.workspaceId };
    const statements: CompiledQuery[][] = [];
    for (const list of lists) {
      captured.length = 0;
      await listUseCases(db, caller, { sort: ListSort.parse(list.sort), cf: list.cf, limit: 50 });
      statements.push([...captured]);
    }
    const times: number[][] = lists.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [index, queries] of statements.entries()) {
        let ms = 0;
        for (const query of queries) ms += await explainedMs(pool, query);
        times[index]?.push(ms);
      }
    }
    const medians = times.map((t) => [...t].sort((a, b) => a - b)[Math.floor((t.length - 1) / 2)] ?? Number.NaN);
    const [builtIn = Number.NaN] = medians;
    return lists.map((list, index) => ({
      figure: `${label}: database time, ${list.name}`,
      value: medians[index] ?? Number.NaN,
      unit: "ms",
      baseline: index === 0 ? null : { figure: `${label} built-in sort database time`, value: builtIn },
    }));
  } finally {
    await db.destroy();
  }
}

const PlanLine = z.object({ "QUERY PLAN": z.string() });

/** Planning plus execution time PostgreSQL reports for one statement (TIMING OFF: no per-node clock reads). */
async function explainedMs(pool: pg.Pool, query: CompiledQuery): Promise<number> {
  const result = await pool.query(`EXPLAIN (ANALYZE, TIMING OFF) ${query.sql}`, [...query.parameters]);
  const text = z.array(PlanLine).parse(result.rows).map((line) => line["QUERY PLAN"]).join("\n");
  const planning = /Planning Time: ([\d.]+) ms/.exec(text)?.[1];
  const execution = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
  if (planning === undefined || execution === undefined) throw new Error(`EXPLAIN gave no times for: ${query.sql.slice(0, 120)}`);
  return Number(planning) + Number(execution);
}
