import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { type RunningProduct, runTether } from "../../server/run.ts";
import { createTestDatabase, type TestDatabase } from "../../server/testing/db.ts";
import { testTetherEnv } from "../../server/testing/tether-env.ts";
import { launchChromium } from "./browser.ts";
import { artifactsDir } from "./product.ts";
import { ensureWebBuild, webDir } from "./web-build.ts";

export type CommandLineProduct = {
  product: RunningProduct;
  /** One page in a fresh browser profile; it has no base URL, so pages are opened by full address. */
  page: Page;
  /** The page as it is now, into the test artifacts (for onTestFailed). */
  screenshotOnFailure(name: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Tether as `npm start` runs it (runTether: flags and environment parsed, demo mode if asked) on a
 * fresh test database, listening on 127.0.0.1, with Chromium and one page. `env` adds to or
 * overrides the test environment (PORT is 0 unless given).
 */
export async function runProductFromCommandLine(options: {
  argv: string[];
  env: Record<string, string>;
  viewport: { width: number; height: number };
}): Promise<CommandLineProduct> {
  const browser: Browser = await launchChromium();
  let database: TestDatabase | undefined;
  let product: RunningProduct | null = null;
  const stop = async () => {
    await browser.close();
    await product?.stop();
    await database?.close();
  };
  try {
    await ensureWebBuild();
    database = await createTestDatabase();
    product = await runTether({
      argv: options.argv,
      env: { ...testTetherEnv(database.url), ...options.env },
      webDir,
      print: () => undefined,
    });
    if (!product) throw new Error("Tether did not start (runTether returned nothing)");
    const context = await browser.newContext({ viewport: options.viewport, locale: "en-US", timezoneId: "UTC" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const screenshotOnFailure = async (name: string) => {
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true }).catch(() => undefined);
    };
    return { product, page, screenshotOnFailure, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
