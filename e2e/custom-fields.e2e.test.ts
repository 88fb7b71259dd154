import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { signUpWithWorkspace } from "./support/sign-up.ts";

async function addField(page: Page, name: string, type: string, options: string[] = []): Promise<void> {
  await page.getByTestId("new-field-name").fill(name);
  await page.getByTestId("new-field-type").click();
  await page.getByRole("option", { name: type, exact: true }).click();
  for (const option of options) {
    await page.getByTestId("new-field-options").fill(option);
    await page.getByTestId("new-field-options").press("Enter");
  }
  await page.getByTestId("new-field-submit").click();
  await page.getByRole("textbox", { name: `Name of ${name.toLowerCase().replaceAll(" ", "_")}` }).waitFor();
}

describe("browser: an Admin shapes the use-case template and fills it in", () => {
  let product: ProductUnderTest;
  let admin: Page;

  beforeAll(async () => {
    product = await startProduct();
    ({ page: admin } = await product.newPage());
    await signUpWithWorkspace(admin, { name: "Ada Lovelace", email: "ada@example.test" }, "Template space");
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("defines a text, a dropdown and a number field, then a use case carries their values", { timeout: 120_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "custom-fields-failure").catch(() => undefined);
    });
    await admin.getByTestId("nav-workspace-settings").click();
    await admin.getByTestId("custom-fields-editor").waitFor();
    await addField(admin, "Code name", "Short text");
    await addField(admin, "Risk", "Dropdown", ["Low", "High"]);
    await addField(admin, "Budget", "Number");
    await addField(admin, "Notes", "Long text (Markdown)");
    await addField(admin, "Approved", "Checkbox");
    await expect.poll(() => admin.getByTestId("custom-fields-preview").locator("[data-testid^='custom-field-']").count()).toBe(5);
    // Every field type renders without React complaining (an unknown prop on a DOM element).
    const consoleErrors: string[] = [];
    admin.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });

    await admin.goto(admin.url().replace(/\/settings.*$/, "/use-cases"));
    await admin.getByTestId("new-use-case").click();
    await admin.getByTestId("use-case-title").fill("Templated idea");
    await admin.getByTestId("custom-field-code_name").fill("Falcon");
    await admin.getByTestId("custom-field-risk").click();
    await admin.getByRole("option", { name: "High", exact: true }).click();
    await admin.getByTestId("custom-field-budget").fill("1250");
    await admin.getByTestId("custom-field-notes").fill("Ask **legal** first\n\n- scope\n- budget");
    await admin.getByTestId("custom-field-approved").check();
    expect(consoleErrors).toEqual([]);
    await admin.getByTestId("use-case-submit").click();
    await admin.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    const facts = admin.getByTestId("use-case-facts");
    await expect.poll(() => facts.textContent()).toContain("Falcon");
    expect(await facts.textContent()).toContain("High");
    expect(await facts.textContent()).toContain("1250");
    expect(await facts.textContent()).toContain("ApprovedYes");
    // A long text field holds Markdown, and reads as such.
    expect(await facts.locator("strong").textContent()).toBe("legal");
    expect(await facts.locator("li").allTextContents()).toEqual(["scope", "budget"]);
  });
});
