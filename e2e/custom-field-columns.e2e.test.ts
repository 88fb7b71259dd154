import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { apiAsBrowser, signUpWithWorkspace } from "./support/sign-up.ts";

const rowTitles = (page: Page) => page.getByTestId("use-case-link").allTextContents();

describe("browser: custom fields as list columns, filters, sort and on board cards", () => {
  let product: ProductUnderTest;
  let page: Page;
  let listUrl = "";

  beforeAll(async () => {
    product = await startProduct();
    const session = await product.newPage();
    page = session.page;
    const workspace = await signUpWithWorkspace(page, { name: "Ada Lovelace", email: "ada@example.test" }, "Columns space");
    listUrl = workspace.listUrl;
    const api = await apiAsBrowser(session.context.request);
    const call = (path: string, data: unknown) => api("POST", path, data, 201);
    const base = `/workspaces/${workspace.workspaceId}`;
    const risk = (await call(`${base}/custom-fields`, {
      key: "risk",
      name: "Risk",
      type: "singleSelect",
      options: [{ label: "Low" }, { label: "High", color: "red" }],
    })) as { customField: { options: { id: string; label: string }[] } };
    const [low, high] = risk.customField.options;
    await call(`${base}/custom-fields`, { key: "budget", name: "Budget", type: "number" });
    const seed = [
      { title: "Cheap and safe", customFields: { risk: low?.id, budget: 100 } },
      { title: "Costly and risky", customFields: { risk: high?.id, budget: 9000 } },
      { title: "Middling", customFields: { risk: high?.id, budget: 500 } },
    ];
    for (const body of seed) await call(`${base}/use-cases`, body);
    await page.reload();
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("chosen columns show values, filter through the URL, sort, and are remembered", { timeout: 120_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "custom-field-columns-failure").catch(() => undefined);
    });
    await expect.poll(async () => (await rowTitles(page)).length).toBe(3);
    await page.getByTestId("columns-menu").click();
    await page.getByTestId("column-risk").click();
    await page.getByTestId("column-budget").click();
    await page.keyboard.press("Escape");
    await page.getByTestId("column-header-risk").waitFor();
    await expect.poll(() => page.getByTestId("cf-value-budget").allTextContents()).toContain("9000");
    expect(await page.getByTestId("cf-value-risk").allTextContents()).toContain("High");

    // Filter by an option: written to the URL, and the list narrows.
    await page.getByTestId("filter-cf-risk").click();
    await page.getByRole("option", { name: "High", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll("cf")[0] ?? "").toMatch(/^risk:is:/);
    await expect.poll(async () => (await rowTitles(page)).sort()).toEqual(["Costly and risky", "Middling"]);

    // A number range on top of it.
    await page.getByTestId("filter-cf-budget-gte").fill("1000");
    await expect.poll(() => rowTitles(page)).toEqual(["Costly and risky"]);
    expect(new URL(page.url()).searchParams.getAll("cf")).toContain("budget:gte:1000");

    // Sorting by a custom-field column.
    await page.goto(listUrl);
    await page.getByTestId("column-header-budget").waitFor(); // the choice survived a reload
    await page.getByTestId("filter-sort").click();
    await page.getByRole("option", { name: "Budget ↓", exact: true }).click();
    await expect.poll(() => rowTitles(page)).toEqual(["Costly and risky", "Middling", "Cheap and safe"]);
    await page.getByTestId("filter-sort").click();
    await page.getByRole("option", { name: "Budget ↑", exact: true }).click();
    await expect.poll(() => rowTitles(page)).toEqual(["Cheap and safe", "Middling", "Costly and risky"]);
  });

  test("phone cards show the chosen fields", { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(listUrl);
    const card = page.getByTestId("use-case-cards").getByTestId("use-case-row").filter({ hasText: "Middling" });
    await card.waitFor();
    expect(await card.getByTestId("cf-value-budget").textContent()).toBe("Budget: 500");
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  test("board cards show the chosen fields", { timeout: 60_000 }, async () => {
    await page.goto(listUrl.replace(/\/use-cases$/, "/use-cases/board"));
    const card = page.getByTestId("board-card").filter({ hasText: "Costly and risky" });
    await card.waitFor();
    await expect.poll(() => card.getByTestId("cf-value-budget").textContent()).toBe("Budget: 9000");
    expect(await card.getByTestId("cf-value-risk").textContent()).toBe("Risk: High");
  });
});
