import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, compression saves less than the headers it costs. */
const minBytes = 1024;

/** Writes `<file>.br` and `<file>.gz` beside each built asset, so the server sends them without compressing per request. */
export function precompressAssets(): Plugin {
  let outDir = "";
  return {
    name: "tether-precompress-assets",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assetsDir = path.join(outDir, "assets");
      for (const name of readdirSync(assetsDir)) {
        if (!compressible.test(name)) continue;
        const file = path.join(assetsDir, name);
        const content = readFileSync(file);
        if (content.length < minBytes) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
