import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/global-setup.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("embedded PostgreSQL", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tether-crash-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts again after its owner was killed with SIGKILL (orphaned postmaster cleaned up)", async () => {
    const port = await freePort();
    const holder = spawn(process.execPath, ["--import", "tsx", path.resolve("server/testing/fixtures/hold-embedded-postgres.ts"), dataDir, String(port)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => (chunk.toString().includes("ready") ? resolve() : undefined));
      holder.once("exit", (code) => reject(new Error(`holder exited early (${code})`)));
    });
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const orphan = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(alive(orphan)).toBe(true);

    const listenersBefore = { beforeExit: process.listenerCount("beforeExit"), SIGINT: process.listenerCount("SIGINT") };
    const db = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    // The package's exit hooks would turn a failing exit code into 0 and cut our shutdown short.
    expect({ beforeExit: process.listenerCount("beforeExit"), SIGINT: process.listenerCount("SIGINT") }).toEqual(listenersBefore);
    try {
      expect(alive(orphan)).toBe(false);
      const client = new pg.Client(db.url);
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
      await client.end();
    } finally {
      await db.stop();
    }
  }, 60_000);
});
