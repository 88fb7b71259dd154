import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.ts";

describe("operations endpoints", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it("reports health and readiness (database reachable, migrations applied)", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("is not ready when a migration is pending", async () => {
    await app.deps.db.deleteFrom("tether_migrations" as never).where("name" as never, "=", "0001_foundation" as never).execute();
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not_ready" });
    await app.deps.db
      .insertInto("tether_migrations" as never)
      .values({ name: "0001_foundation", timestamp: new Date().toISOString() } as never)
      .execute();
    expect((await app.request("/readyz")).status).toBe(200);
  });

  it("exposes Prometheus metrics including HTTP request counts", async () => {
    await app.request("/api/v1/auth/session");
    const text = await (await app.request("/metrics")).text();
    expect(text).toMatch(/tether_http_requests_total\{method="GET",route="\/api\/v1\/auth\/session",status="401"\} \d+/);
    expect(text).toContain("tether_queue_jobs_total");
  });

  it("documents the API as OpenAPI 3.1 with a docs page", async () => {
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/auth/login", "/workspaces/{workspaceId}/members"]));
    const page = await app.request("/api/v1/docs");
    expect(await page.text()).toContain("swagger-ui");
    expect((await app.request("/api/v1/docs/swagger-ui-bundle.js")).status).toBe(200);
  });
});
