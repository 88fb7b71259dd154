import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runApiBench } from "./api.ts";
import { runCustomFieldsBench } from "./customfields.ts";
import { runPullBench } from "./pull.ts";
import { runListingBench } from "./listing.ts";
import { runPlanningBench } from "./planning.ts";
import { runPushBench } from "./push.ts";
import { runSimBench } from "./sim.ts";
import { type BenchOptions, BenchResult, type CheckedBenchResult, formatTable } from "./report.ts";

/**
 * `npm run bench [-- api|sim|push ...] [--quick]`: runs the benchmark scenarios one after another and
 * prints a table per scenario. Exits 1 if a scenario crashed or any of its requests failed.
 */

type Scenario = (options: BenchOptions) => Promise<readonly BenchResult[]>;

const scenarios: Record<string, Scenario> = {
  sim: runSimBench,
  api: runApiBench,
  pull: runPullBench,
  listing: runListingBench,
  push: runPushBench,
  planning: runPlanningBench,
  customfields: runCustomFieldsBench,
};

function parseCommandLine(argv: readonly string[]): { names: string[]; options: BenchOptions } {
  const { values, positionals } = parseArgs({ args: [...argv], options: { quick: { type: "boolean", default: false } }, allowPositionals: true });
  const unknown = positionals.filter((name) => !(name in scenarios));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(", ")}; known: ${Object.keys(scenarios).join(", ")}`);
  return { names: positionals.length > 0 ? positionals : Object.keys(scenarios), options: { quick: values.quick } };
}

/**
 * Other work on the machine skews every figure: say how busy it was before a scenario starts
 * (a scenario's own load keeps the average high for a minute after it, so read it with care).
 */
function machineLoad(): string {
  const [oneMinute = 0] = os.loadavg();
  return `load average ${oneMinute.toFixed(1)} on ${os.availableParallelism()} cores`;
}

async function main(): Promise<number> {
  const { names, options } = parseCommandLine(process.argv.slice(2));
  console.log(`Tether benchmarks — ${new Date().toISOString()} — ${options.quick ? "quick" : "full"} run — Node ${process.version}\n`);
  let failed = false;
  for (const name of names) {
    const scenario = scenarios[name];
    if (!scenario) continue;
    console.log(`(${name}: starting; ${machineLoad()})\n`);
    const started = performance.now();
    try {
      const results: CheckedBenchResult[] = z.array(BenchResult).parse(await scenario(options));
      console.log(formatTable(name, results));
      const erroneous = results.filter((r) => r.errors > 0);
      if (erroneous.length > 0) {
        failed = true;
        console.error(`\n${name}: ${erroneous.length} figure(s) measured with failed requests — see the errors column.`);
      }
    } catch (error) {
      failed = true;
      console.error(`## ${name}\n\nscenario crashed:`, error);
    }
    console.log(`\n(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
