import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { freePort } from "../server/demo/start-demo.ts";
import { type RunningProduct, runTether } from "../server/run.ts";
import { createTestDatabase, type TestDatabase } from "../server/testing/db.ts";
import { startSmtpInbox } from "../server/testing/smtp-inbox.ts";
import { launchChromium } from "./support/browser.ts";
import { artifactsDir } from "./support/product.ts";
import { ensureWebBuild, webDir } from "./support/web-build.ts";

type Inbox = Awaited<ReturnType<typeof startSmtpInbox>>;

describe("browser: optional email verification with real mail", () => {
  let browser: Browser;
  let database: TestDatabase;
  let inbox: Inbox;
  let product: RunningProduct | null = null;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    await ensureWebBuild();
    [database, inbox] = await Promise.all([createTestDatabase(), startSmtpInbox()]);
    // Mailed links point at PORT when PUBLIC_URL is unset, so the port must be known up front.
    const port = await freePort("127.0.0.1");
    product = await runTether({
      argv: [],
      env: {
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        HOST: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: database.url,
        TETHER_SECRET_KEY: randomBytes(32).toString("hex"),
        MAIL_TRANSPORT: "smtp",
        SMTP_URL: inbox.url,
        MAIL_FROM: "tether@example.test",
      },
      webDir,
      print: () => undefined,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC" });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await Promise.all([database?.close(), inbox?.stop()]);
  });

  test("a new account works unverified with a notice, and the mailed link confirms it", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, "email-verification-failure.png"), fullPage: true }).catch(() => undefined);
    });
    if (!product) throw new Error("not running");
    await page.goto(`${product.tether.url}/signup`);
    await page.getByTestId("signup-name").fill("Yara Young");
    await page.getByTestId("signup-email").fill("yara@example.test");
    await page.getByTestId("signup-password").fill("a long enough password");
    await page.getByTestId("signup-submit").click();
    await page.getByTestId("workspace-name").fill("Mail space");
    await page.getByTestId("workspace-create-submit").click();
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await page.getByTestId("email-verification-notice").waitFor();

    const mailedLink = () => inbox.received.find((mail) => mail.to.includes("yara@example.test"))?.raw.replace(/=\r?\n/g, "").match(/http:\/\/\S+\/verify-email\/[A-Za-z0-9_-]{40,}/)?.[0];
    await expect.poll(mailedLink, { timeout: 15_000 }).toBeTruthy();
    const link = mailedLink() ?? "";
    await page.goto(link);
    await page.getByTestId("verify-email-submit").click();
    await page.getByTestId("verify-email-done").waitFor();
    await page.goto(`${product.tether.url}/`);
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await page.getByTestId("nav-use-cases").waitFor();
    expect(await page.getByTestId("email-verification-notice").count()).toBe(0);
  });
});
