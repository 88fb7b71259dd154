import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp } from "./support/sign-up.ts";

/** The rough edges of issue 11 (part A), each as a user meets it. Tests run in order on one account. */
describe("browser: the details of the web UI", () => {
  let product: ProductUnderTest;
  let page: Page;
  let pageErrors: string[];
  let listUrl = "";

  beforeAll(async () => {
    product = await startProduct();
    ({ page, pageErrors } = await product.newPage());
  });
  afterAll(async () => {
    await product?.stop();
  });

  test("sign-up speaks in sentences inline, never zod's words or the browser's bubbles", { timeout: 60_000 }, async () => {
    onTestFailed(async () => void (await product.screenshot(page, "ui-details-signup-failure").catch(() => undefined)));
    await page.goto("/signup");
    await page.getByTestId("signup-email").fill("ada@");
    await page.getByTestId("signup-password").fill("short");
    await page.getByTestId("signup-submit").click();
    const errors = page.locator(".mantine-InputWrapper-error");
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual(["Enter your name.", "Enter an email address like name@example.com.", "Use at least 10 characters."]);
    // The browser's own validation never ran: the form is not :invalid-blocked and says nothing of its own.
    expect(await page.locator("form").getAttribute("novalidate")).not.toBeNull();

    await fillSignUp(page, { name: "Ada Lovelace", email: "ada@example.test" });
    await page.getByTestId("workspace-name").fill("Details");
    await page.getByTestId("workspace-create-submit").click();
    await page.getByTestId("use-case-list-first").waitFor();
    listUrl = page.url();
    // A new workspace offers to create the first use case, not "no match".
    expect(await page.getByTestId("use-case-list-empty").count()).toBe(0);
    expect(await page.getByTestId("create-first-use-case").textContent()).toBe("Create your first use case");
  });

  test("the form: title focused, description labelled, WSJF computed and skipped by Tab", { timeout: 60_000 }, async () => {
    await page.getByTestId("create-first-use-case").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("use-case-title");
    expect(await page.getByLabel("Description", { exact: true }).getAttribute("data-testid")).toBe("use-case-description");
    expect(await page.getByTestId("use-case-wsjf").getAttribute("tabindex")).toBe("-1");
    await page.getByLabel("Job size").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).not.toBe("use-case-wsjf");

    // A rejected use case is shown as stopped (red), not green like Done.
    await page.getByTestId("use-case-title").fill("Blockchain for the canteen");
    await page.getByTestId("use-case-status").click();
    await page.getByRole("option", { name: "Rejected", exact: true }).click();
    await page.getByTestId("use-case-submit").click();
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    const badge = page.getByTestId("use-case-facts").getByTestId("status-badge");
    expect(await badge.getAttribute("data-tone")).toBe("red");
    // What the eye sees: the badge's text is reddish, not green.
    const [red, green] = await badge.evaluate((el) => (getComputedStyle(el).color.match(/\d+/g) ?? []).map(Number));
    expect(red, "red channel").toBeGreaterThan(green ?? 255);
  });

  test("comments: offline the text stays with an error; then edited and deleted", { timeout: 60_000 }, async () => {
    onTestFailed(async () => void (await product.screenshot(page, "ui-details-comments-failure").catch(() => undefined)));
    await page.context().setOffline(true);
    await page.getByTestId("comment-body").fill("Written on the train.");
    await page.getByTestId("comment-submit").click();
    const failure = page.getByTestId("error-alert").filter({ hasText: "Could not add the comment" });
    await failure.waitFor();
    expect(await failure.textContent()).toContain("could not be reached");
    expect(await page.getByTestId("comment-body").inputValue()).toBe("Written on the train.");
    expect(await page.getByTestId("comment-submit").getAttribute("data-loading")).toBeNull();

    await page.context().setOffline(false);
    await page.getByTestId("comment-submit").click();
    const comment = page.getByTestId("comment").filter({ hasText: "Written on the train." });
    await comment.waitFor();
    expect(await page.getByTestId("comment-body").inputValue()).toBe("");

    await comment.getByTestId("comment-edit").click();
    await page.getByTestId("comment-edit-body").fill("Written on the train, checked at the office.");
    await page.getByTestId("comment-edit-save").click();
    // Saved: the editor closes and the comment reads as edited.
    await page.getByTestId("comment-edit-body").waitFor({ state: "detached" });
    const edited = page.getByTestId("comment").filter({ hasText: "checked at the office" });
    await edited.waitFor();
    expect(await edited.textContent()).toContain("edited");

    await edited.getByTestId("comment-delete").click();
    await page.getByTestId("confirm-action").click();
    await edited.waitFor({ state: "detached" });
    expect(await page.getByTestId("comment").count()).toBe(0);
  });

  test("the status filter puts the status's name in the URL, and a reload keeps it", { timeout: 60_000 }, async () => {
    await page.goto(listUrl);
    await page.getByTestId("use-case-row").first().waitFor();
    await page.getByTestId("filter-status").click();
    await page.getByRole("option", { name: "Idea", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("idea");
    await page.getByTestId("use-case-list-empty").waitFor();
    await page.getByTestId("filter-status").click();
    await page.getByRole("option", { name: "Rejected", exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("rejected");
    await page.reload();
    await page.getByTestId("use-case-row").first().waitFor();
    expect(await page.getByTestId("filter-status").inputValue()).toBe("Rejected");
    expect(await page.getByTestId("use-case-row").count()).toBe(1);
    // Nothing matches: the way out is one click.
    await page.getByTestId("filter-search").fill("no such thing");
    await page.getByTestId("use-case-list-empty").waitFor();
    await page.getByTestId("clear-filters").click();
    await page.getByTestId("use-case-row").first().waitFor();
  });

  test("a missing use case and an unknown workspace show why and a way back, nothing else", { timeout: 60_000 }, async () => {
    await page.goto(`${listUrl}/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId("back-to-list").click();
    await page.waitForURL(listUrl);
    await page.goto("/w/00000000-0000-4000-8000-000000000000/use-cases");
    await page.getByTestId("error-alert").waitFor();
    expect(await page.getByTestId("use-case-list-empty").count()).toBe(0);
    expect(await page.getByTestId("use-case-list-first").count()).toBe(0);
    expect(await page.getByTestId("new-use-case").count()).toBe(0);
    expect(await page.getByTestId("back-home").count()).toBe(1);
  });

  test("the only Admin cannot remove themselves; an emailed invitation says it was emailed", { timeout: 60_000 }, async () => {
    await page.goto(listUrl);
    await page.getByTestId("nav-members").click();
    const me = page.getByTestId("member-row").filter({ hasText: "Ada Lovelace" });
    await me.waitFor();
    const remove = me.getByTestId("row-action-disabled");
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute("aria-description")).toBe("You are the only Admin: make someone else Admin first.");

    await page.getByTestId("invite-email").fill("grace@example.test");
    await page.getByTestId("invite-submit").click();
    const note = page.getByTestId("invite-created-note");
    await note.waitFor();
    expect(await note.textContent()).toContain("on its way to grace@example.test");
    expect(await note.textContent()).not.toContain("Send this link");
    expect(pageErrors).toEqual([]);
  });
});
