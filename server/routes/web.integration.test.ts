import { OpenAPIHono } from "@hono/zod-openapi";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compress } from "hono/compress";
import type { AppEnv } from "../http/types.ts";
import { ASSET_CACHE_CONTROL, serveWebApp } from "./web.ts";

/** The static web UI as the server sends it: compressed, hashed assets cached for good, index.html never. */
describe("serving the built web UI", () => {
  let webDir: string;
  let app: OpenAPIHono<AppEnv>;
  const script = `console.log(${JSON.stringify("tether ".repeat(400))});`;
  const indexHtml = `<!doctype html><html><body><div id="root"></div>${"<!-- padding -->".repeat(100)}</body></html>`;

  beforeAll(() => {
    // Relative to the working directory, as the server resolves its root.
    mkdirSync(".tmp", { recursive: true });
    webDir = mkdtempSync(path.join(".tmp", "web-"));
    mkdirSync(path.join(webDir, "assets"));
    writeFileSync(path.join(webDir, "index.html"), indexHtml);
    writeFileSync(path.join(webDir, "assets/main-AbC123.js"), script);
    writeFileSync(path.join(webDir, "assets/main-AbC123.js.br"), brotliCompressSync(script));
    writeFileSync(path.join(webDir, "assets/main-AbC123.js.gz"), gzipSync(script));
    app = new OpenAPIHono<AppEnv>();
    app.use("*", compress());
    serveWebApp(app, path.resolve(webDir));
  });
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  it("sends a hashed asset brotli-compressed when the browser accepts it, cached for a year", async () => {
    const response = await app.request("/assets/main-AbC123.js", { headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(response.headers.get("cache-control")).toBe(ASSET_CACHE_CONTROL);
    expect(ASSET_CACHE_CONTROL).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("falls back to gzip, then to the plain file, by what the browser accepts", async () => {
    const gzipped = await app.request("/assets/main-AbC123.js", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(script);
    const plain = await app.request("/assets/main-AbC123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(plain.headers.get("cache-control")).toBe(ASSET_CACHE_CONTROL);
  });

  it("answers a missing asset with 404, not with index.html", async () => {
    const response = await app.request("/assets/gone-Zz999.js", { headers: { "Accept-Encoding": "br" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBeNull();
    expect(await response.text()).not.toContain("<html");
  });

  it("sends index.html for client routes, compressed and never cached without asking", async () => {
    for (const route of ["/", "/login", "/w/1/use-cases/board"]) {
      const response = await app.request(route, { headers: { "Accept-Encoding": "gzip" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(indexHtml);
    }
  });

  it("follows a rebuild while running: the new index.html, which names the new assets (vite empties assets/)", async () => {
    const rebuilt = `<!doctype html><html><head><script type="module" src="/assets/main-New456.js"></script></head><body></body></html>`;
    writeFileSync(path.join(webDir, "assets/main-New456.js"), script);
    writeFileSync(path.join(webDir, "index.html"), rebuilt);
    try {
      const page = await app.request("/login");
      expect(await page.text()).toBe(rebuilt);
      expect((await app.request("/assets/main-New456.js")).status).toBe(200);
    } finally {
      writeFileSync(path.join(webDir, "index.html"), indexHtml);
    }
  });
});
