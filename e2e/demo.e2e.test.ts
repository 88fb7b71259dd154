import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import type { RunningProduct } from "../server/run.ts";
import { type CommandLineProduct, runProductFromCommandLine } from "./support/command-line-product.ts";
import { artifactsDir } from "./support/product.ts";

/**
 * The README's screenshots of demo mode are taken here. They are written into the tree only with
 * UPDATE_SCREENSHOTS=1, so `npm test` leaves a clean checkout behind; otherwise they go beside the
 * other test artifacts.
 */
const imagesDir = process.env.UPDATE_SCREENSHOTS === "1" ? path.resolve("docs/images") : path.join(artifactsDir, "screenshots");

describe("browser: demo mode, as a newcomer meets it", () => {
  let running: CommandLineProduct | undefined;
  let dataDir: string;
  let product: RunningProduct | null = null;
  let page: Page;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "tether-demo-e2e-"));
    running = await runProductFromCommandLine({ argv: ["--demo"], env: { TETHER_DATA_DIR: dataDir }, viewport: { width: 1400, height: 1000 } });
    ({ product, page } = running);
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test("sign in with the printed credentials, see a linked use case with its Epic, edit the Epic in the simulator, see the use case follow", { timeout: 120_000 }, async () => {
    onTestFailed(async () => running?.screenshotOnFailure("demo-failure"));
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
