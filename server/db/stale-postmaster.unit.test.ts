import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearStalePostmaster, isAlive, isPostmasterOf, stopPostmasterNow } from "./stale-postmaster.ts";

describe("a stale postmaster.pid", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  function clusterWithPidOfUnrelatedProcess() {
    const clusterDir = path.join(mkdtempSync(path.join(os.tmpdir(), "tether-stale-pid-")), "pg");
    mkdirSync(clusterDir);
    const unrelated = spawn("sleep", ["30"], { stdio: "ignore" });
    const signals: (string | null)[] = [];
    unrelated.on("exit", (_code, signal) => signals.push(signal));
    cleanups.push(() => {
      unrelated.kill("SIGKILL");
      rmSync(path.dirname(clusterDir), { recursive: true, force: true });
    });
    // What PostgreSQL writes: pid, then the data directory.
    writeFileSync(path.join(clusterDir, "postmaster.pid"), `${unrelated.pid}\n${clusterDir}\n0\n54329\n`);
    return { clusterDir, pid: unrelated.pid ?? 0, signals };
  }

  it("is removed without signalling the unrelated process that now has its pid", async () => {
    const { clusterDir, pid, signals } = clusterWithPidOfUnrelatedProcess();
    expect(isPostmasterOf(pid, clusterDir)).toBe(false);
    stopPostmasterNow(clusterDir);
    await clearStalePostmaster(clusterDir);
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(signals).toEqual([]);
    expect(isAlive(pid)).toBe(true);
  });
});
