import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A `postmaster.pid` outlives a `kill -9`, and its pid may since belong to an unrelated process.
 * Before signalling it, check the process is a PostgreSQL server whose data directory is this
 * cluster: the postmaster runs with `-D <clusterDir>` and works inside that directory.
 */
export function isPostmasterOf(pid: number, clusterDir: string): boolean {
  const dir = realpathSync(clusterDir);
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((arg) => arg !== "");
    if (!/postgres|postmaster/.test(path.basename(argv[0] ?? ""))) return false;
    const dataDir = argv[argv.indexOf("-D") + 1];
    const cwd = safeReadlink(`/proc/${pid}/cwd`);
    return (dataDir !== undefined && argv.includes("-D") && path.resolve(dataDir) === dir) || cwd === dir;
  } catch {
    // No /proc (macOS): ask ps for the command line.
    try {
      const command = execFileSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" });
      return /postgres|postmaster/.test(command) && (command.includes(dir) || command.includes(clusterDir));
    } catch {
      return false;
    }
  }
}

function safeReadlink(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

export function readPostmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An orphaned postmaster of this cluster is shut down; a pid file naming anything else is just removed. */
export async function clearStalePostmaster(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = readPostmasterPid(clusterDir);
  if (pid !== undefined && isAlive(pid) && isPostmasterOf(pid, clusterDir)) {
    // An orphaned postmaster of ours (its parent was killed): ask it for a fast shutdown.
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid) && isPostmasterOf(pid, clusterDir)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

/** Synchronous, for the `exit` event: a fast shutdown request to the cluster's postmaster. */
export function stopPostmasterNow(clusterDir: string): void {
  const pid = readPostmasterPid(clusterDir);
  if (pid !== undefined && isAlive(pid) && isPostmasterOf(pid, clusterDir)) process.kill(pid, "SIGINT");
}
