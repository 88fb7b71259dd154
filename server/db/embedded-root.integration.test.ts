import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/global-setup.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { postgresUser, reachableBy } from "./embedded-root.ts";

const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)("embedded PostgreSQL started by root below a folder the postgres user cannot traverse", () => {
  const hidden = mkdtempSync(path.join(os.tmpdir(), "tether-0700-")); // mode 0700, like root's home
  const runtimeDir = mkdtempSync(path.join(os.tmpdir(), "tether-runtime-"));
  afterAll(() => {
    rmSync(hidden, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it("runs the cluster from a folder that user can reach, and finds the same one on the next start", async () => {
    const dataDir = path.join(hidden, "checkout", "data");
    mkdirSync(dataDir, { recursive: true });
    expect(reachableBy(postgresUser(), dataDir)).toBe(false);
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true, rootRuntimeDir: runtimeDir });
    try {
      expect(first.clusterDir.startsWith(path.join(runtimeDir, "clusters"))).toBe(true);
      const client = new pg.Client(first.url);
      await client.connect();
      await client.query("CREATE TABLE kept (n int)");
      await client.end();
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, port, persistent: true, rootRuntimeDir: runtimeDir });
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      const client = new pg.Client(second.url);
      await client.connect();
      expect((await client.query("SELECT count(*)::int AS n FROM kept")).rows[0]).toEqual({ n: 0 });
      await client.end();
    } finally {
      await second.stop();
    }
  }, 120_000);
});
