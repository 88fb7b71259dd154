/**
 * Soak test: runs the whole vitest suite N times in a row while busy loops load the CPUs, and
 * prints which runs passed. A test that fails here but passes alone depends on how fast the
 * machine is — fix the test (or the code), never retry it.
 *
 *   npm run test:soak                          # 5 runs, 3 busy loops
 *   npm run test:soak -- --runs 8 --busy 2     # other counts
 *   npm run test:soak -- --runs 10 -- integrations/jira/client/   # only some files (vitest filters)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const options = z.object({
  runs: z.coerce.number().int().min(1).default(5),
  busy: z.coerce.number().int().min(0).default(3),
});

const parsed = parseArgs({
  options: { runs: { type: "string" }, busy: { type: "string" } },
  allowPositionals: true,
});
const { runs, busy } = options.parse(parsed.values);
const vitestArgs = parsed.positionals;

const root = path.resolve(import.meta.dirname, "..");
const artifacts = path.join(root, "test-artifacts");
const logDir = path.join(artifacts, "soak");
mkdirSync(logDir, { recursive: true });

const reportSchema = z.object({
  success: z.boolean(),
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});

type RunResult = { run: number; passed: boolean; summary: string };

/** One busy loop per process, so each is stopped by its own id. */
function startBusyLoops(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
  );
}

function stopBusyLoops(loops: ChildProcess[]): void {
  for (const loop of loops) {
    if (loop.pid !== undefined && loop.exitCode === null) process.kill(loop.pid, "SIGKILL");
  }
}

let current: ChildProcess | undefined;

function runVitest(run: number): Promise<{ code: number; seconds: number; log: string }> {
  const log = path.join(logDir, `run-${run}.log`);
  const started = Date.now();
  rmSync(path.join(artifacts, "vitest-results.json"), { force: true });
  return new Promise((resolve, reject) => {
    // Written as it comes, so a long run can be followed with `tail -f`.
    const output = createWriteStream(log);
    const child = spawn(path.join(root, "node_modules", ".bin", "vitest"), ["run", ...vitestArgs], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    current = child;
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    child.once("error", reject);
    child.once("close", (code) => {
      output.end(() => resolve({ code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000), log }));
    });
  });
}

function describeRun(run: number, code: number, seconds: number, log: string): RunResult {
  let report: z.infer<typeof reportSchema> | undefined;
  try {
    report = reportSchema.parse(JSON.parse(readFileSync(path.join(artifacts, "vitest-results.json"), "utf8")));
  } catch {
    report = undefined;
  }
  const relativeLog = path.relative(root, log);
  if (code === 0) return { run, passed: true, summary: `passed (${report?.numPassedTests ?? "?"} tests, ${seconds} s)` };
  const failed = (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === "failed")
      .map((test) => `${path.relative(root, file.name)} › ${test.fullName}`),
  );
  const why = failed.length > 0 ? failed.join("; ") : "no failed test: unhandled error or crash";
  return { run, passed: false, summary: `FAILED (${seconds} s, log ${relativeLog}): ${why}` };
}

const loops = startBusyLoops(busy);
const stopOnSignal = () => {
  stopBusyLoops(loops);
  if (current?.pid !== undefined && current.exitCode === null) process.kill(current.pid, "SIGTERM");
  process.exit(130);
};
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

const results: RunResult[] = [];
try {
  console.log(`soak: ${runs} run(s) of vitest ${vitestArgs.join(" ")} beside ${busy} busy loop(s)`);
  for (let run = 1; run <= runs; run += 1) {
    const { code, seconds, log } = await runVitest(run);
    const result = describeRun(run, code, seconds, log);
    results.push(result);
    console.log(`run ${run}/${runs}: ${result.summary}`);
  }
} finally {
  stopBusyLoops(loops);
}

const passed = results.filter((result) => result.passed).length;
console.log(`soak: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
