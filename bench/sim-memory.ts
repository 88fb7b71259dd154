import { startJiraSim } from "../sim/jira/index.ts";

/**
 * Child-process entry (run with --expose-gc): RSS of the simulator before and after seeding
 * `count` issues, printed as one JSON line. A process of its own, so nothing else counts.
 */
const count = Number(process.argv[2] ?? "100000");
const collect = () => (globalThis as { gc?: () => void }).gc?.();
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const sim = await startJiraSim({ flavor: "cloud", seed: "empty", control: false });
collect();
const emptyRss = process.memoryUsage().rss;
const started = performance.now();
sim.control.seedIssues(count);
const seedMs = performance.now() - started;
collect();
const usage = process.memoryUsage();
console.log(JSON.stringify({ emptyRssMb: megabytes(emptyRss), loadedRssMb: megabytes(usage.rss), heapUsedMb: megabytes(usage.heapUsed), seedMs: Math.round(seedMs), issues: sim.control.issueCount() }));
await sim.stop();
