import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "vite";

const root = path.resolve(import.meta.dirname, "../..");
export const webDir = path.join(root, "dist/web");
const sources = ["app", "common", "integrations/jira/sync", "vite.config.ts", "package-lock.json"].map((p) => path.join(root, p));
// Test files run in parallel processes; only one may rebuild dist/web at a time.
const lockDir = path.join(root, "dist/.web-build.lock");
const staleLockMs = 120_000;

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), stat.mtimeMs);
}

function isFresh(): boolean {
  const indexFile = path.join(webDir, "index.html");
  if (!existsSync(indexFile)) return false;
  return statSync(indexFile).mtimeMs >= Math.max(...sources.filter(existsSync).map(newestChange));
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A crashed run leaves its lock behind; a real build takes seconds.
      const lock = statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > staleLockMs) rmSync(lockDir, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds the web UI (vite) unless dist/web is newer than every source it is built from. */
export async function ensureWebBuild(): Promise<{ built: boolean }> {
  if (isFresh()) return { built: false };
  return withBuildLock(async () => {
    if (isFresh()) return { built: false };
    await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
    return { built: true };
  });
}
