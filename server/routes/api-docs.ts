import type { OpenAPIHono } from "@hono/zod-openapi";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AppEnv } from "../http/types.ts";

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Read once: the bundle is 1.7 MB and does not change while the process runs. */
const assetBytes: Record<string, Uint8Array<ArrayBuffer>> = {};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tether API</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui" });`;

/** The API reference page, served from the swagger-ui-dist package (no CDN: self-hosted installs are often offline). */
export function registerApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.get("/api/v1/docs", (c) => c.html(page));
  app.get("/api/v1/docs/init.js", (c) => c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get("/api/v1/docs/:asset", (c) => {
    const asset = c.req.param("asset");
    const type = assets[asset];
    if (!type) return c.notFound();
    const bytes = (assetBytes[asset] ??= new Uint8Array(readFileSync(path.join(swaggerDir, asset))));
    return c.body(bytes, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
