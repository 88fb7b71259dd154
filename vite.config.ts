import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompressAssets } from "./scripts/vite-precompress.ts";

const apiUrl = process.env.TETHER_API_URL ?? "http://127.0.0.1:3000";

/** The web UI: built into dist/web, which the server serves (server/routes/web.ts). */
export default defineConfig({
  root: fileURLToPath(new URL("./app", import.meta.url)),
  base: "/",
  plugins: [react(), precompressAssets()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // Only the API's own prefix: app/api/*.ts modules are served from /api/ too.
    proxy: { "/api/v1": { target: apiUrl, changeOrigin: false } },
  },
});
