import type { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "kysely";
import { migrationsPending } from "../db/migrate.ts";
import type { AppDeps, AppEnv } from "../http/types.ts";

/** Liveness, readiness and Prometheus metrics: unauthenticated, outside /api, never cached. */
export function registerOpsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.get("/readyz", async (c) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      const pending = await migrationsPending(deps.db);
      if (pending > 0) return c.json({ status: "not_ready", reason: `${pending} database migrations pending` }, 503);
      return c.json({ status: "ready" });
    } catch {
      return c.json({ status: "not_ready", reason: "database unreachable" }, 503);
    }
  });

  app.get("/metrics", async (c) => {
    c.header("Content-Type", deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });
}
