import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AppEnv } from "../http/types.ts";

/** Serves the built web UI (vite build → dist/web); unknown non-API paths get index.html (client routing). */
export function serveWebApp(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexFile = path.join(webDir, "index.html");
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, "utf8");
  const root = path.relative(process.cwd(), webDir);
  app.use("/assets/*", serveStatic({ root }));
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return c.html(indexHtml);
  });
}
