import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { seriousAccessibilityViolations } from "./support/axe.ts";
import { saveSimConnection } from "./support/jira-connection-form.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp } from "./support/sign-up.ts";

/** axe-core on every main page, as an Admin sees it (the most controls): no serious or critical violation. */
describe("browser: accessibility of the main pages (axe-core)", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let page: Page;
  let pageErrors: string[];
  const found: Record<string, string[]> = {};

  async function check(where: string): Promise<void> {
    await page.waitForLoadState("networkidle");
    // The resting page: a button the pointer just clicked would be checked in its hover colours.
    await page.mouse.move(0, 0);
    found[where] = await seriousAccessibilityViolations(page);
  }

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    ({ page, pageErrors } = await product.newPage());
  });
  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  test("sign in, sign up, use-case list, form, detail, board, members, settings, Jira settings", { timeout: 150_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "accessibility-failure").catch(() => undefined);
    });
    await page.goto("/login");
    await page.getByTestId("login-submit").waitFor();
    await check("sign in");
    await page.getByTestId("to-signup").click();
    await page.getByTestId("signup-submit").waitFor();
    await check("sign up");
    await fillSignUp(page, { name: "Ada Lovelace", email: "ada@example.test" });
    await page.getByTestId("workspace-name").fill("Portfolio");
    await check("new workspace");
    await page.getByTestId("workspace-create-submit").click();
    await page.getByTestId("use-case-list-first").waitFor();
    await check("empty use-case list");

    await page.getByTestId("create-first-use-case").click();
    await page.getByTestId("use-case-title").fill("Predictive maintenance");
    await page.getByTestId("use-case-description").fill("Cut **downtime**.");
    await page.getByLabel("Business value").fill("8");
    await page.getByLabel("Job size").fill("2");
    await check("use-case form");
    await page.getByTestId("use-case-submit").click();
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    await page.getByTestId("comment-body").fill("Looks good.");
    await page.getByTestId("comment-submit").click();
    await page.getByTestId("comment").first().waitFor();
    await check("use-case detail");

    await page.getByTestId("nav-use-cases").click();
    await page.getByTestId("use-case-table").waitFor();
    await check("use-case list");
    await page.getByTestId("view-switch").getByText("Board").click();
    await page.waitForURL(/\/board/);
    await check("board");

    await page.getByTestId("nav-members").click();
    await page.getByTestId("members-table").waitFor();
    await check("members");
    await page.getByTestId("nav-workspace-settings").click();
    await page.waitForURL(/\/settings$/);
    await check("workspace settings");

    await page.getByTestId("nav-jira-settings").click();
    await page.getByTestId("jira-connection-form").waitFor();
    await check("Jira settings, not connected");
    await saveSimConnection(page, sim.url, "ada");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="true"]').waitFor();
    await page.getByTestId("jira-refresh-metadata").click();
    await page.locator('[data-testid="jira-metadata-project"][data-project="TETH"]').waitFor();
    await check("Jira settings, connected and tested");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("mobile-menu").click();
    await page.getByTestId("mobile-nav-use-cases").waitFor();
    // The drawer slides in and its overlay fades in: check colours once every transition has ended.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
    await check("phone menu");

    const failures = Object.entries(found).filter(([, violations]) => violations.length > 0);
    expect(failures.map(([where, violations]) => `${where}:\n  ${violations.join("\n  ")}`).join("\n")).toBe("");
    expect(pageErrors).toEqual([]);
  });
});
