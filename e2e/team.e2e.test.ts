import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp, signUpWithWorkspace } from "./support/sign-up.ts";

async function chooseOption(page: Page, select: ReturnType<Page["getByTestId"]>, option: string): Promise<void> {
  await select.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("browser: a team works together", () => {
  let product: ProductUnderTest;
  let admin: Page;
  let visitor: Page;
  /** Errors thrown in either browser; they fill in as the pages run and are checked at the end. */
  let pageErrors: string[][] = [];
  let workspaceUrl = "";

  beforeAll(async () => {
    product = await startProduct();
    const adminSession = await product.newPage();
    const visitorSession = await product.newPage();
    admin = adminSession.page;
    visitor = visitorSession.page;
    pageErrors = [adminSession.pageErrors, visitorSession.pageErrors];

    await signUpWithWorkspace(admin, { name: "Grace Hopper", email: "grace@example.test" }, "Team space");
    workspaceUrl = admin.url().replace(/\/use-cases$/, "");
    await admin.getByTestId("new-use-case").click();
    await admin.getByTestId("use-case-title").fill("Invoice matching");
    await admin.getByTestId("use-case-submit").click();
    await admin.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("an Admin invites by link; the invitee signs up through it and reads as a Visitor", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "team-failure-admin").catch(() => undefined);
      await product.screenshot(visitor, "team-failure-visitor").catch(() => undefined);
    });
    await admin.getByTestId("nav-members").click();
    await chooseOption(admin, admin.getByTestId("invite-role"), "Visitor");
    await admin.getByTestId("invite-submit").click();
    const inviteUrl = await admin.getByTestId("invite-url").inputValue();
    expect(inviteUrl).toMatch(/\/invite\/\S+$/);
    await admin.getByTestId("invitation-row").first().waitFor();
    await product.screenshot(admin, "team-members-admin");

    // The invitee is not logged in: preview, then sign up through the invitation.
    await visitor.goto(inviteUrl);
    await visitor.getByTestId("invitation-preview").waitFor();
    expect(await visitor.getByTestId("invitation-preview").textContent()).toContain("Team space");
    await product.screenshot(visitor, "team-invitation");
    await visitor.getByTestId("invitation-signup").click();
    await fillSignUp(visitor, { name: "Vera Visitor", email: "vera@example.test" });
    // Signing up through the invitation uses it up and lands in its workspace.
    await visitor.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);

    // A Visitor reads but gets no edit controls and no member management.
    await visitor.getByTestId("use-case-row").filter({ hasText: "Invoice matching" }).waitFor();
    expect(await visitor.getByTestId("new-use-case").count()).toBe(0);
    await product.screenshot(visitor, "team-visitor-list");
    await visitor.getByTestId("use-case-link").click();
    await visitor.getByTestId("use-case-detail-title").waitFor();
    expect(await visitor.getByTestId("edit-use-case").count()).toBe(0);
    expect(await visitor.getByTestId("comment-body").count()).toBe(0);
    await visitor.getByTestId("nav-members").click();
    await visitor.getByTestId("member-row").nth(1).waitFor();
    expect(await visitor.getByTestId("invite-submit").count()).toBe(0);
    expect(await visitor.getByTestId("member-role").count()).toBe(0);

    // The Admin promotes the Visitor; the change sticks.
    await admin.reload();
    const veraRow = admin.getByTestId("member-row").filter({ hasText: "Vera Visitor" });
    await chooseOption(admin, veraRow.getByTestId("member-role"), "Member");
    await expect.poll(async () => {
      const response = await admin.request.get(`/api/v1/workspaces/${workspaceUrl.split("/w/")[1]}/members`);
      const body = (await response.json()) as { members: { displayName: string; role: string }[] };
      return body.members.find((m) => m.displayName === "Vera Visitor")?.role;
    }).toBe("member");
    await product.screenshot(admin, "team-members-after-promotion");
  });

  test("a stale edit is refused with an offer to reload", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "team-failure-conflict").catch(() => undefined);
    });
    await admin.goto(`${workspaceUrl}/use-cases`);
    await admin.getByTestId("use-case-link").click();
    await admin.getByTestId("edit-use-case").click();
    // Pages are loaded on first visit: the address changes once the edit page's code is there.
    await admin.waitForURL(/\/edit$/);
    const editUrl = admin.url();

    // The same person in a second tab saves first.
    const otherTab = await admin.context().newPage();
    await otherTab.goto(editUrl);
    await otherTab.getByTestId("use-case-title").fill("Invoice matching (v2)");
    await otherTab.getByTestId("use-case-submit").click();
    await otherTab.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    await otherTab.close();

    await admin.getByTestId("use-case-title").fill("Invoice matching (mine)");
    await admin.getByTestId("use-case-submit").click();
    await admin.getByTestId("version-conflict").waitFor();
    await product.screenshot(admin, "team-conflict");
    await admin.getByTestId("version-conflict").getByRole("button", { name: "Reload latest version" }).click();
    await expect.poll(() => admin.getByTestId("use-case-title").inputValue()).toBe("Invoice matching (v2)");

    // History says who changed what from what to what.
    await admin.goto(editUrl.replace(/\/edit$/, ""));
    await admin.getByTestId("history-tab").click();
    const titleChange = admin.getByTestId("history-entry").filter({ hasText: "changed title" });
    await titleChange.waitFor();
    expect(await titleChange.textContent()).toContain("Invoice matching (v2)");
    await product.screenshot(admin, "team-history");
  });

  test("personal API tokens: the secret is shown once, then the token can be revoked", { timeout: 30_000 }, async () => {
    await admin.getByTestId("user-menu").click();
    await admin.getByTestId("api-tokens-menu-item").click();
    await admin.getByTestId("token-name").fill("CI import");
    await admin.getByTestId("token-create").click();
    const secret = await admin.getByTestId("token-secret").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const response = await admin.request.get("/api/v1/workspaces", { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status()).toBe(200);
    await admin.getByTestId("token-row").filter({ hasText: "CI import" }).waitFor();
    await product.screenshot(admin, "team-tokens");

    await admin.getByTestId("token-row").getByRole("button", { name: "Revoke" }).click();
    await admin.getByTestId("confirm-action").click();
    await expect.poll(() => admin.getByTestId("token-row").count()).toBe(0);

    // Change the password on the same page; a wrong current password is refused first.
    await admin.getByTestId("password-current").fill("not my password");
    await admin.getByTestId("password-new").fill("an even longer password");
    await admin.getByTestId("password-submit").click();
    await admin.getByText("The current password is wrong.").waitFor();
    await admin.getByTestId("password-current").fill("a long enough password");
    await admin.getByTestId("password-submit").click();
    await admin.getByTestId("password-changed").waitFor();
    // From outside the browser (no session cookie): the old password no longer logs in.
    const oldLogin = await fetch(`${product.tether.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "grace@example.test", password: "a long enough password" }),
    });
    expect(oldLogin.status).toBe(401);

    await admin.getByTestId("user-menu").click();
    await admin.getByTestId("logout-menu-item").click();
    await admin.waitForURL(/\/login$/);
    await admin.goto("/account/tokens");
    await admin.waitForURL(/\/login\?next=/);
    expect(pageErrors.flat()).toEqual([]);
  });
});
