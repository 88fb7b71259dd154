import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadEnv } from "../../server/env.ts";
import { type RunningTether, startTether } from "../../server/start.ts";
import { createTestDatabase, type TestDatabase } from "../../server/testing/db.ts";
import { launchChromium } from "./browser.ts";
import { ensureWebBuild, webDir } from "./web-build.ts";

export const artifactsDir = path.resolve("test-artifacts");

export type ProductUnderTest = {
  tether: RunningTether;
  browser: Browser;
  /** A fresh browser profile (own cookies) on Tether's URL; errors thrown in its pages are collected. */
  newPage(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }>;
  screenshot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
};

/** The whole product as a user meets it: built UI, web + worker on a fresh database, Chromium. */
export async function startProduct(): Promise<ProductUnderTest> {
  mkdirSync(artifactsDir, { recursive: true });
  // Chromium first: its absence must fail loudly before slower setup.
  const browser = await launchChromium();
  let database: TestDatabase | undefined;
  try {
    await ensureWebBuild();
    database = await createTestDatabase();
    const tether = await startTether({
      databaseUrl: database.url,
      port: 0,
      services: ["web", "worker"],
      webDir,
      secretKey: randomBytes(32).toString("hex"),
      env: loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", TETHER_DATA_DIR: ".tmp/test-data" }),
    });
    const contexts: BrowserContext[] = [];
    const db = database;
    return {
      tether,
      browser,
      newPage: async () => {
        const context = await browser.newContext({
          baseURL: tether.url,
          viewport: { width: 1400, height: 900 },
          locale: "en-US",
          timezoneId: "UTC",
        });
        contexts.push(context);
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        // A Content-Security-Policy violation is logged, not thrown: count it as an error too.
        page.on("console", (message) => {
          if (message.type() === "error" && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
        });
        return { context, page, pageErrors };
      },
      screenshot: async (page, name) => {
        await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
      },
      stop: async () => {
        for (const context of contexts) await context.close();
        await browser.close();
        await tether.stop();
        await db.close();
      },
    };
  } catch (error) {
    await browser.close();
    await database?.close();
    throw error;
  }
}
