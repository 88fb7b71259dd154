import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";

describe("browser smoke: sign up → workspace → use case", () => {
  let product: ProductUnderTest;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    product = await startProduct();
    ({ page, pageErrors } = await product.newPage());
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("a new user signs up, creates a workspace and a use case, and finds it in the list", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "smoke-failure").catch(() => undefined);
    });

    // Logged out, "/" leads to the login page, which links to sign-up.
    await page.goto("/");
    await page.waitForURL(/\/login/);
    await page.getByTestId("to-signup").click();
    await page.getByTestId("signup-name").fill("Ada Lovelace");
    await page.getByTestId("signup-email").fill("ada@example.test");
    await page.getByTestId("signup-password").fill("a long enough password");
    await product.screenshot(page, "smoke-signup");
    await page.getByTestId("signup-submit").click();

    // A new account has no workspace: it is sent to create one.
    await page.waitForURL(/\/workspaces\/new$/);
    await page.getByTestId("workspace-name").fill("Innovation portfolio");
    await product.screenshot(page, "smoke-new-workspace");
    await page.getByTestId("workspace-create-submit").click();
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await expect.poll(() => page.getByTestId("workspace-menu").textContent()).toContain("Innovation portfolio");
    await page.getByTestId("use-case-list-first").waitFor();

    await page.getByTestId("create-first-use-case").click();
    // The form opens with the title focused.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("use-case-title");
    await page.getByTestId("use-case-title").fill("Predictive maintenance for line 3");
    await page
      .getByTestId("use-case-description")
      .fill("Cut **unplanned downtime** by predicting failures.\n\n- sensors\n- model\n\n<img src=x onerror=\"window.__xss=1\">");
    await page.getByTestId("use-case-tags").fill("pilot");
    await page.getByTestId("use-case-tags").press("Enter");
    await page.getByLabel("Business value").fill("8");
    await page.getByLabel("Time criticality").fill("5");
    await page.getByLabel("Risk reduction").fill("3");
    await page.getByLabel("Job size").fill("4");
    await page.getByLabel("Target date").fill("2027-03-31");
    await page.getByLabel("Target date").blur();
    await expect.poll(() => page.getByTestId("use-case-wsjf").inputValue()).toBe("4");
    await product.screenshot(page, "smoke-form");
    await page.getByTestId("use-case-submit").click();

    // The detail page: Markdown rendered, raw HTML in it not.
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    const description = page.getByTestId("use-case-description");
    await description.locator("strong", { hasText: "unplanned downtime" }).waitFor();
    expect(await description.locator("li").count()).toBe(2);
    expect(await description.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.getByTestId("use-case-detail-title").textContent()).toBe("Predictive maintenance for line 3");
    expect(await page.getByTestId("detail-wsjf").textContent()).toBe("4");
    expect(await page.getByTestId("use-case-facts").textContent()).toContain("Mar 31, 2027");
    await page.getByTestId("comment-body").fill("Talked to the line lead: go.");
    await page.getByTestId("comment-submit").click();
    await page.getByTestId("comment").filter({ hasText: "Talked to the line lead" }).waitFor();
    await product.screenshot(page, "smoke-detail");

    // The list shows it; opening it from there lands on the same detail page.
    await page.getByTestId("nav-use-cases").click();
    const row = page.getByTestId("use-case-row").filter({ hasText: "Predictive maintenance for line 3" });
    await row.waitFor();
    expect(await row.textContent()).toContain("UC-1");
    expect(await page.getByTestId("use-case-row").count()).toBe(1);
    // Search goes to the server: a miss empties the list, a hit brings the row back.
    await page.getByTestId("filter-search").fill("no such thing");
    await page.getByTestId("use-case-list-empty").waitFor();
    await page.getByTestId("filter-search").fill("maintenance");
    await row.waitFor();
    await product.screenshot(page, "smoke-list");
    await row.getByTestId("use-case-link").click();
    await page.waitForURL(detailUrl);
    await page.getByTestId("use-case-detail-title").waitFor();

    expect(pageErrors).toEqual([]);
  });

  test("opening the login page while signed in and logging in again just works", { timeout: 30_000 }, async () => {
    await page.goto("/login");
    await page.getByTestId("login-email").fill("ada@example.test");
    await page.getByTestId("login-password").fill("a long enough password");
    await page.getByTestId("login-submit").click();
    await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    expect(await page.getByTestId("error-alert").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test("the API reference page renders under the Content-Security-Policy", { timeout: 30_000 }, async () => {
    await page.goto("/api/v1/docs");
    await page.locator(".swagger-ui .info .title").waitFor();
    expect(pageErrors).toEqual([]);
  });
});
