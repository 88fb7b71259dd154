import type { Browser } from "playwright-core";

export type FirstLoad = {
  /** Compressed bytes on the wire (bodies as sent, without headers) per kind of resource. */
  bytes: { html: number; js: number; css: number; other: number };
  total: number;
  files: number;
};

/** Opens `path` in a fresh profile (empty cache), waits until `readySelector` shows, and sums what came over the wire. */
export async function measureFirstLoad(browser: Browser, baseURL: string, path: string, readySelector: string): Promise<FirstLoad> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const finished: Promise<void>[] = [];
    const bytes = { html: 0, js: 0, css: 0, other: 0 };
    let files = 0;
    page.on("requestfinished", (request) => {
      if (request.url().includes("/api/")) return;
      finished.push(
        request.sizes().then((sizes) => {
          const kind = request.resourceType();
          const key = kind === "document" ? "html" : kind === "script" ? "js" : kind === "stylesheet" ? "css" : "other";
          bytes[key] += sizes.responseBodySize;
          files += 1;
        }),
      );
    });
    await page.goto(path);
    await page.locator(readySelector).waitFor();
    await page.waitForLoadState("networkidle");
    await Promise.all(finished);
    return { bytes, total: bytes.html + bytes.js + bytes.css + bytes.other, files };
  } finally {
    await context.close();
  }
}

export function formatFirstLoad(load: FirstLoad): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return `first load of the sign-in page: ${kb(load.total)} compressed in ${load.files} files (HTML ${kb(load.bytes.html)}, JS ${kb(load.bytes.js)}, CSS ${kb(load.bytes.css)}, other ${kb(load.bytes.other)})`;
}
