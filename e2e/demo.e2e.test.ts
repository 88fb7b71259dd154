import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type RunningProduct, runTether } from "../server/run.ts";
import { createTestDatabase, type TestDatabase } from "../server/testing/db.ts";
import { launchChromium } from "./support/browser.ts";
import { artifactsDir } from "./support/product.ts";
import { ensureWebBuild, webDir } from "./support/web-build.ts";

/**
 * The README's screenshots of demo mode are taken here. They are written into the tree only with
 * UPDATE_SCREENSHOTS=1, so `npm test` leaves a clean checkout behind; otherwise they go beside the
 * other test artifacts.
 */
const imagesDir = process.env.UPDATE_SCREENSHOTS === "1" ? path.resolve("docs/images") : path.join(artifactsDir, "screenshots");

describe("browser: demo mode, as a newcomer meets it", () => {
  let browser: Browser;
  let database: TestDatabase;
  let dataDir: string;
  let product: RunningProduct | null = null;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    await ensureWebBuild();
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "tether-demo-e2e-"));
    product = await runTether({
      argv: ["--demo"],
      env: { NODE_ENV: "test", LOG_LEVEL: "silent", HOST: "127.0.0.1", PORT: "0", DATABASE_URL: database.url, TETHER_SECRET_KEY: randomBytes(32).toString("hex"), TETHER_DATA_DIR: dataDir },
      webDir,
      print: () => undefined,
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "en-US", timezoneId: "UTC" });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test("sign in with the printed credentials, see a linked use case with its Epic, edit the Epic in the simulator, see the use case follow", { timeout: 120_000 }, async () => {
    onTestFailed(async () => {
      mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, "demo-failure.png"), fullPage: true }).catch(() => undefined);
    });
    const demo = product?.demo;
    if (!product || !demo) throw new Error("demo mode did not start");
    mkdirSync(imagesDir, { recursive: true });
    const onboarding = demo.workspace.links.find((link) => link.title === "Customer onboarding revamp");
    if (!onboarding?.issueKey) throw new Error("the onboarding use case is not linked");

    await page.goto(`${product.tether.url}/login`);
    await page.getByTestId("login-email").fill(demo.admin.email);
    await page.getByTestId("login-password").fill(demo.admin.password);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await page.getByText("Single sign-on with SAML").waitFor();

    const useCaseUrl = `${product.tether.url}/w/${demo.workspaceId}/use-cases/${onboarding.useCaseId}`;
    await page.goto(useCaseUrl);
    await page.getByTestId("jira-issue-key").waitFor();
    expect(await page.getByTestId("jira-issue-key").getAttribute("href")).toBe(`${demo.jiraUrl}/browse/${onboarding.issueKey}`);
    await expect.poll(() => page.getByTestId("epic-issue-row").count(), { timeout: 15_000 }).toBe(12);
    await page.screenshot({ path: path.join(imagesDir, "demo-use-case.png"), fullPage: true });

    // The Epic's own page in the simulated Jira, where the Tether link leads.
    await page.goto(`${demo.jiraUrl}/browse/${onboarding.issueKey}`);
    await page.getByTestId("sim-edit-form").waitFor();
    await page.locator('input[name="summary"]').fill("Customer onboarding revamp, phase 1");
    await page.screenshot({ path: path.join(imagesDir, "demo-jira-simulator.png"), fullPage: true });
    await page.getByTestId("sim-save").click();
    await page.getByTestId("sim-notice").waitFor();
    expect(await page.getByTestId("sim-notice").textContent()).toBe("Saved: summary.");

    await page.goto(useCaseUrl);
    await expect.poll(async () => {
      await page.reload();
      return page.getByTestId("use-case-detail-title").textContent();
    }, { timeout: 30_000, interval: 1_000 }).toContain("Customer onboarding revamp, phase 1");
  });
});
