import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type JiraSim, startJiraSim } from "../../sim/jira/index.ts";
import { snapshotOf } from "../../sim/jira/seed/snapshot.ts";
import type { Logger } from "../logging/logger.ts";

/**
 * The demo's Jira: Data Center 10, because it signs webhook deliveries and, unlike Jira Cloud,
 * may deliver to a loopback address, so Jira → Tether is pushed, not only reconciled.
 */
export const demoJiraFlavor = { flavor: "datacenter", version: 10 } as const;

export type DemoJira = { sim: JiraSim; snapshotFile: string; save(): Promise<void>; stop(): Promise<void> };

/**
 * Starts the simulator with its demo seed, or with the site the last demo run left behind, and
 * keeps that site in `<dataDir>/demo-jira.json` (after every issue write, and on stop), so a
 * restart finds the Epics Tether created and its webhook registration again.
 */
export async function startDemoJira(options: { dataDir: string; port: number; host: string; logger: Logger }): Promise<DemoJira> {
  const snapshotFile = path.join(options.dataDir, "demo-jira.json");
  const start = (seed: string) => startJiraSim({ ...demoJiraFlavor, seed, port: options.port, host: options.host });
  let sim: JiraSim;
  if (existsSync(snapshotFile)) {
    try {
      sim = await start(snapshotFile);
    } catch (error) {
      options.logger.warn({ err: error, snapshotFile }, "the demo Jira's saved site could not be read; starting from the demo seed");
      sim = await start("demo");
    }
  } else {
    sim = await start("demo");
  }

  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    // One write at a time, through a temporary file, so a crash never leaves half a snapshot.
    writing = writing.then(async () => {
      await mkdir(options.dataDir, { recursive: true });
      const temporary = `${snapshotFile}.tmp`;
      await writeFile(temporary, JSON.stringify(snapshotOf(sim.control.store)), { mode: 0o600 });
      await rename(temporary, snapshotFile);
    });
    return writing;
  };
  let pending: NodeJS.Timeout | undefined;
  const unsubscribe = sim.control.onIssueWritten(() => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      save().catch((error: unknown) => options.logger.warn({ err: error }, "could not save the demo Jira's site"));
    }, 500);
  });
  return {
    sim,
    snapshotFile,
    save,
    stop: async () => {
      unsubscribe();
      clearTimeout(pending);
      await save();
      await sim.stop();
    },
  };
}
