import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { AppError, errorBody } from "../errors.ts";
import type { AppEnv } from "../http/types.ts";

/** Vite names every built asset by its content hash: a given URL never changes, so browsers keep it for a year. */
export const ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** index.html names the current assets: browsers must ask again every time (a 304 costs little). */
export const INDEX_CACHE_CONTROL = "no-cache";

/**
 * Serves the built web UI (vite build → dist/web); unknown non-API paths get index.html (client routing).
 * Assets are served precompressed (brotli or gzip, written by the build beside each file) when the
 * browser accepts it; index.html is compressed on the fly by the app-wide compress middleware.
 */
export function serveWebApp(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexFile = path.join(webDir, "index.html");
  if (!existsSync(indexFile)) return;
  // Re-read after a rebuild (npm start, the demo, build:web in the same checkout): vite empties
  // assets/, so a remembered index.html would name assets that are gone — a blank page.
  let index = { mtimeMs: -1, html: "" };
  const indexHtml = () => {
    const mtimeMs = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs ?? index.mtimeMs;
    if (mtimeMs !== index.mtimeMs) {
      try {
        index = { mtimeMs, html: readFileSync(indexFile, "utf8") };
      } catch {
        // Mid-rebuild: keep what was served until the new file is there.
      }
    }
    return index.html;
  };
  const root = path.relative(process.cwd(), webDir);
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set("Cache-Control", ASSET_CACHE_CONTROL);
  });
  app.use("/assets/*", serveStatic({ root, precompressed: true }));
  // A missing hashed asset is an old or mistyped URL: answer 404, never index.html (it would be cached as JS).
  app.get("/assets/*", (c) => c.json(errorBody(new AppError("not_found", `No asset at ${c.req.path}.`)), 404));
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    c.header("Cache-Control", INDEX_CACHE_CONTROL);
    return c.html(indexHtml());
  });
}
