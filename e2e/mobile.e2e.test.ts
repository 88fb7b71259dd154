import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { horizontalOverflow } from "./support/overflow.ts";
import { saveSimConnection } from "./support/jira-connection-form.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp } from "./support/sign-up.ts";

const phone = { width: 390, height: 844 };

/** Nothing sticks out sideways: the page is exactly as wide as the phone. */
async function expectFitsTheScreen(page: Page, where: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, `${where}: wider than the screen because of ${overflow.culprits.join("; ")}`).toBeLessThanOrEqual(overflow.innerWidth);
}

/** Through the burger menu, as on a phone: the top bar has no room for the links. */
async function openFromMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId("mobile-menu").click();
  const link = page.getByTestId(`mobile-nav-${item}`);
  await link.waitFor();
  expect(await link.isVisible()).toBe(true);
  await link.click();
  await page.getByTestId("mobile-menu-drawer").waitFor({ state: "hidden" }).catch(() => undefined);
}

describe("browser: the whole product on a 390 px phone", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    ({ page, pageErrors } = await product.newPage());
    await page.setViewportSize(phone);
  });
  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  test("sign up, use cases as cards, facts before comments, members, settings, Jira settings, log out", { timeout: 120_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "mobile-failure").catch(() => undefined);
    });
    await page.goto("/signup");
    await expectFitsTheScreen(page, "sign-up");
    await fillSignUp(page, { name: "Ada Lovelace", email: "ada@example.test" });
    await page.getByTestId("workspace-name").fill("A portfolio with a rather long workspace name");
    await page.getByTestId("workspace-create-submit").click();
    await page.getByTestId("use-case-list-first").waitFor();
    // The top bar's links are in the menu, not squeezed off the screen.
    expect(await page.getByTestId("nav-members").isVisible()).toBe(false);
    await expectFitsTheScreen(page, "empty list");

    await page.getByTestId("create-first-use-case").click();
    await page.getByTestId("use-case-title").fill("Predictive maintenance for the packaging lines of plant three, with a title long enough to wrap");
    await page.getByLabel("Business value").fill("8");
    await page.getByLabel("Job size").fill("2");
    await expectFitsTheScreen(page, "new use case form");
    await page.getByTestId("use-case-submit").click();
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    await page.getByTestId("use-case-detail-title").waitFor();
    await page.getByTestId("comment-body").fill("A first comment.");
    await page.getByTestId("comment-submit").click();
    await page.getByTestId("comment").first().waitFor();

    // Status, priority, WSJF and Delete come before the comments, and Delete is on the screen.
    const facts = await page.getByTestId("use-case-facts").boundingBox();
    const comments = await page.getByTestId("comment").first().boundingBox();
    expect(facts && comments && facts.y < comments.y).toBe(true);
    const deleteButton = await page.getByTestId("delete-use-case").boundingBox();
    expect(deleteButton).not.toBeNull();
    expect((deleteButton?.x ?? 0) + (deleteButton?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    await expectFitsTheScreen(page, "use case");
    await product.screenshot(page, "mobile-detail");

    await openFromMenu(page, "use-cases");
    await page.getByTestId("use-case-cards").waitFor();
    expect(await page.getByTestId("use-case-table").count()).toBe(0);
    expect(await page.getByTestId("use-case-row").count()).toBe(1);
    await expectFitsTheScreen(page, "use-case list");
    await product.screenshot(page, "mobile-list");

    await page.getByTestId("view-switch").getByText("Board").click();
    await page.waitForURL(/\/use-cases\/board/);
    await expectFitsTheScreen(page, "board");

    await openFromMenu(page, "members");
    await page.getByTestId("members-table").waitFor();
    await expectFitsTheScreen(page, "members");

    await openFromMenu(page, "workspace-settings");
    await page.waitForURL(/\/settings$/);
    await expectFitsTheScreen(page, "workspace settings");

    await openFromMenu(page, "jira-settings");
    await page.getByTestId("jira-connection-form").waitFor();
    await saveSimConnection(page, sim.url, "eve");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="false"]').waitFor();
    await page.getByTestId("permission-row").first().waitFor();
    await expectFitsTheScreen(page, "Jira settings with a permission report");
    for (const button of ["jira-save", "jira-test", "jira-refresh-metadata"]) {
      const box = await page.getByTestId(button).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width, `${button} is on the screen`).toBe(true);
    }
    await product.screenshot(page, "mobile-jira-settings");

    await openFromMenu(page, "api-tokens");
    await page.waitForURL(/\/account\/tokens$/);
    await expectFitsTheScreen(page, "API tokens");

    await page.getByTestId("mobile-menu").click();
    await page.getByTestId("mobile-logout").click();
    await page.waitForURL(/\/login/);
    await expectFitsTheScreen(page, "log in");
    expect(pageErrors).toEqual([]);
  });
});
