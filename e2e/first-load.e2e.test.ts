import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatFirstLoad, measureFirstLoad } from "./support/first-load.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";

describe("first load of the web UI", () => {
  let product: ProductUnderTest;

  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product?.stop();
  });

  test("the sign-in page arrives compressed, under 300 KB", { timeout: 60_000 }, async () => {
    const load = await measureFirstLoad(product.browser, product.tether.url, "/login", "[data-testid=login-submit]");
    console.log(formatFirstLoad(load));
    expect(load.total).toBeGreaterThan(0);
    expect(load.total).toBeLessThan(300 * 1024);
  });

  test("index.html paints a skeleton before any script runs, and the page replaces it", { timeout: 30_000 }, async () => {
    const { page } = await product.newPage();
    const html = await (await fetch(new URL("/login", product.tether.url))).text();
    expect(html).toContain('id="boot-skeleton"');
    // With scripts blocked, the skeleton is what the browser shows instead of a white page.
    await page.route("**/assets/*.js", (route) => route.abort());
    await page.goto("/login");
    expect(await page.locator("#boot-skeleton").isVisible()).toBe(true);
    await page.unroute("**/assets/*.js");
    await page.goto("/login");
    await page.getByTestId("login-submit").waitFor();
    expect(await page.locator("#boot-skeleton").isVisible()).toBe(false);
  });

  test("pages of other routes are separate chunks, fetched only when visited", { timeout: 30_000 }, async () => {
    const { page } = await product.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto("/login");
    await page.getByTestId("login-submit").waitFor();
    expect(scripts.some((s) => /LoginPage-/.test(s))).toBe(true);
    expect(scripts.some((s) => /JiraSettingsPage-|UseCaseBoardPage-|UseCaseDetailPage-/.test(s))).toBe(false);
    await page.getByTestId("to-signup").click();
    await page.getByTestId("signup-submit").waitFor();
    expect(scripts.some((s) => /SignupPage-/.test(s))).toBe(true);
  });
});
