import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { createDatabase, databaseExists, dropDatabase } from "../db/database-admin.ts";
import { startEmbeddedPostgres } from "../db/embedded.ts";
import { prepareDatabase } from "../db/prepare.ts";

export const TEMPLATE_DATABASE = "tether_test_template";

/**
 * Starts one real PostgreSQL for the integration run (or uses TEST_DATABASE_URL), and builds a
 * migrated template database that every test file copies (CREATE DATABASE … TEMPLATE is ~50 ms).
 */
export default async function setup(): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  let tempDir: string | undefined;
  if (!adminUrl) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "tether-test-pg-"));
    const db = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), persistent: false });
    adminUrl = db.url;
    stop = db.stop;
  }
  if (await databaseExists(adminUrl, TEMPLATE_DATABASE)) await dropDatabase(adminUrl, TEMPLATE_DATABASE);
  const templateUrl = await createDatabase(adminUrl, TEMPLATE_DATABASE);
  await prepareDatabase(templateUrl);
  process.env.TETHER_TEST_ADMIN_URL = adminUrl;
  return async () => {
    await stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
