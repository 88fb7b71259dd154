import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logging/logger.ts";
import { type RunningTether, startTether } from "./start.ts";
import { createTestDatabase, type TestDatabase } from "./testing/db.ts";

/** Web and worker as separate processes' roles against one PostgreSQL (`--services=web` / `--services=worker`). */
describe("split services", () => {
  let database: TestDatabase;
  let web: RunningTether;
  let worker: RunningTether;
  beforeAll(async () => {
    database = await createTestDatabase();
    const common = {
      databaseUrl: database.url,
      env: loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", HOST: "127.0.0.1" }),
      logger: createLogger({ level: "silent" }),
      secretKey: randomBytes(32).toString("hex"),
      webDir: null,
    };
    web = await startTether({ ...common, port: 0, services: ["web"] });
    worker = await startTether({ ...common, services: ["worker"] });
  });
  afterAll(async () => {
    await web?.stop();
    await worker?.stop();
    await database?.close();
  });

  it("the web role serves HTTP only, and the worker role runs the jobs the web role enqueues", async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(worker.url).toBe("");
    const signup = await fetch(`${web.url}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "split@example.test", password: "a long enough password", displayName: "Split" }),
    });
    expect(signup.status).toBe(201);
    const { csrfToken } = (await signup.json()) as { csrfToken: string };
    const headers = { "content-type": "application/json", cookie: (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "", "x-csrf-token": csrfToken };
    const workspace = (await (await fetch(`${web.url}/api/v1/workspaces`, { method: "POST", headers, body: JSON.stringify({ name: "S" }) })).json()) as {
      workspace: { id: string };
    };
    const invited = await fetch(`${web.url}/api/v1/workspaces/${workspace.workspace.id}/invitations`, {
      method: "POST",
      headers,
      body: JSON.stringify({ role: "member", email: "invitee@example.test" }),
    });
    expect(invited.status).toBe(201);
    await expect
      .poll(async () => (await database.db.selectFrom("mail_deliveries").select("recipient").execute()).map((m) => m.recipient), { timeout: 10_000 })
      .toEqual(["invitee@example.test"]);
  });
});
