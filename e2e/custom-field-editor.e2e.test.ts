import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { type ApiCall, apiAsBrowser, signUpWithWorkspace } from "./support/sign-up.ts";

type Field = { id: string; key: string; type: string; options: { id: string; label: string }[] };

describe("browser: an Admin edits fields of the template", () => {
  let product: ProductUnderTest;
  let page: Page;
  let call: ApiCall;
  let base = "";
  let useCaseId = "";

  const fields = async () => ((await call("GET", `${base}/custom-fields`)) as { customFields: Field[] }).customFields;

  beforeAll(async () => {
    product = await startProduct();
    const session = await product.newPage();
    page = session.page;
    const { workspaceId } = await signUpWithWorkspace(page, { name: "Ada Lovelace", email: "ada@example.test" }, "Editor space");
    base = `/workspaces/${workspaceId}`;
    call = await apiAsBrowser(session.context.request);
    const stage = (await call("POST", `${base}/custom-fields`, { key: "stage", name: "Stage", type: "singleSelect", options: [{ label: "Alpha" }, { label: "Beta" }] }, 201)) as { customField: Field };
    await call("POST", `${base}/custom-fields`, { key: "size", name: "Size", type: "shortText" }, 201);
    const created = (await call("POST", `${base}/use-cases`, { title: "Sized", customFields: { size: "big", stage: stage.customField.options[0]?.id } }, 201)) as { useCase: { id: string } };
    useCaseId = created.useCase.id;
    await page.goto(page.url().replace(/\/use-cases$/, "/settings"));
    await page.getByTestId("custom-fields-editor").waitFor();
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("the Moderators switch is saved", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "custom-field-editor-failure").catch(() => undefined);
    });
    await page.getByTestId("moderators-may-define").click();
    await expect.poll(async () => (await call("GET", `${base}/custom-field-settings`)).moderatorsMayDefine).toBe(true);
  });

  test("a retype that would lose values lists them and changes nothing", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "custom-field-editor-failure").catch(() => undefined);
    });
    await page.getByTestId("edit-field-size").click();
    await page.getByTestId("field-type").click();
    await page.getByRole("option", { name: "Number", exact: true }).click();
    await page.getByTestId("field-help").fill("T-shirt size");
    await page.getByTestId("field-save").click();
    const failures = page.getByTestId("conversion-failures");
    await failures.waitFor();
    expect(await failures.textContent()).toContain("UC-1");
    expect((await fields()).find((f) => f.key === "size")?.type).toBe("shortText");
    await page.getByRole("button", { name: "Close", exact: true }).click();
  });

  test("options are renamed, added, and an option in use is replaced on removal", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "custom-field-editor-failure").catch(() => undefined);
    });
    await page.getByTestId("edit-field-stage").click();
    await page.getByRole("textbox", { name: "Option 2", exact: true }).fill("Beta two");
    await page.getByTestId("option-add").click();
    await page.getByRole("textbox", { name: "Option 3", exact: true }).fill("Gamma");
    await page.getByTestId("options-save").click();
    await expect.poll(async () => (await fields()).find((f) => f.key === "stage")?.options.map((o) => o.label)).toEqual(["Alpha", "Beta two", "Gamma"]);

    await page.getByTestId("option-remove").first().click();
    await page.getByTestId("option-in-use").waitFor();
    await page.getByTestId("option-replace-with").click();
    await page.getByRole("option", { name: "Gamma", exact: true }).click();
    await page.getByTestId("option-replace").click();
    await expect.poll(async () => (await fields()).find((f) => f.key === "stage")?.options.map((o) => o.label)).toEqual(["Beta two", "Gamma"]);
    const gamma = (await fields()).find((f) => f.key === "stage")?.options.find((o) => o.label === "Gamma")?.id;
    const useCase = (await call("GET", `${base}/use-cases/${useCaseId}`)) as { useCase: { customFields: Record<string, unknown> } };
    expect(useCase.useCase.customFields.stage).toBe(gamma);
  });
});
