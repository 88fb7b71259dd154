import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { saveSimConnection } from "./support/jira-connection-form.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp, signUpWithWorkspace } from "./support/sign-up.ts";

/** Connection, metadata and the "Tether → Jira" feature, through the settings page. */
async function connectJira(page: Page, sim: JiraSim): Promise<void> {
  await page.getByTestId("nav-jira-settings").click();
  await page.waitForURL(/\/w\/[0-9a-f-]+\/settings\/jira$/);
  await saveSimConnection(page, sim.url, "ada");
  await page.getByTestId("jira-refresh-metadata").click();
  await page.locator('[data-testid="jira-metadata-project"][data-project="TETH"]').waitFor();
  for (const feature of ["toJira", "fromJira"]) {
    const toggle = page.getByTestId(`jira-feature-${feature}`);
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(true);
  }
}

describe("browser: a use case becomes a Jira Epic and its edits reach Jira", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let page: Page;
  let context: BrowserContext;
  let pageErrors: string[] = [];
  let detailUrl = "";

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    const session = await product.newPage();
    page = session.page;
    context = session.context;
    pageErrors = session.pageErrors;
    await signUpWithWorkspace(page, { name: "Grace Hopper", email: "grace@example.test" }, "Sync space");
  });

  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  test("map, create the Epic from the use case, edit the title in Tether, see it in Jira and in the sync log", { timeout: 180_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "jira-sync-failure").catch(() => undefined);
    });
    await connectJira(page, sim);

    // The mapping editor proposes a mapping from the metadata; only fitting Jira fields are offered.
    const form = page.getByTestId("jira-mapping-form");
    await form.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("jira-mapping-state").textContent()).toContain("Not saved yet");
    const title = page.locator('[data-testid="jira-mapping-field"][data-field="title"]');
    expect(await title.getByTestId("jira-mapping-jira-field").inputValue()).toContain("summary");
    await page.locator('[data-testid="jira-mapping-field"][data-field="storyPoints"]').getByTestId("jira-mapping-jira-field").click();
    expect(await page.getByRole("option", { name: /Summary/ }).count()).toBe(0);
    await page.keyboard.press("Escape");

    // A direction without a Jira field is marked on its row before anything is sent.
    const jobSize = page.locator('[data-testid="jira-mapping-field"][data-field="jobSize"]');
    await jobSize.getByTestId("jira-mapping-direction").click();
    await page.getByRole("option", { name: "Tether → Jira", exact: true }).click();
    await page.getByTestId("jira-mapping-preview").click();
    await page.locator('[data-testid="jira-mapping-field"][data-field="jobSize"][data-invalid="true"]').waitFor();
    await jobSize.getByTestId("jira-mapping-direction").click();
    await page.getByRole("option", { name: "Off", exact: true }).click();

    // Jira refuses a field missing from the Epic's create screen: the server's problem lands on that row.
    sim.control.removeScreenField({ project: "TETH", issueType: "Epic" }, "create", "duedate");
    await page.getByTestId("jira-mapping-preview").click();
    const targetDate = page.locator('[data-testid="jira-mapping-field"][data-field="targetDate"][data-invalid="true"]');
    await targetDate.waitFor();
    expect(await targetDate.textContent()).toContain("duedate is not on the create screen of TETH");
    expect(await page.getByTestId("jira-mapping-save").count()).toBe(0);
    sim.control.putScreenField({ project: "TETH", issueType: "Epic" }, "create", "duedate");

    await page.getByTestId("jira-mapping-preview").click();
    const impactOrProblem = page.getByTestId("jira-mapping-impact").or(page.getByTestId("jira-mapping-invalid")).or(page.getByTestId("error-alert"));
    await impactOrProblem.first().waitFor();
    // The proposed mapping must be valid against the simulator's screens; if not, the marked rows say why.
    const invalidRows = await page.locator('[data-testid="jira-mapping-field"][data-invalid="true"]').allTextContents();
    expect(await page.getByTestId("jira-mapping-invalid").count(), invalidRows.join(" | ")).toBe(0);
    await product.screenshot(page, "jira-sync-mapping-preview");
    await page.getByTestId("jira-mapping-save").click();
    await expect.poll(() => page.getByTestId("jira-mapping-state").textContent(), { timeout: 15_000 }).toContain("Saved (version 1)");

    // A use case, then its Epic.
    await page.getByTestId("nav-use-cases").click();
    await page.getByTestId("new-use-case").click();
    await page.getByTestId("use-case-title").fill("Predictive maintenance for line 3");
    await page.getByTestId("use-case-submit").click();
    await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
    detailUrl = page.url();
    await page.getByTestId("jira-not-linked").waitFor();
    await page.getByTestId("jira-create-epic").click();
    const issueKey = page.getByTestId("jira-issue-key");
    await expect.poll(() => issueKey.textContent(), { timeout: 20_000 }).toMatch(/^TETH-\d+$/);
    const key = (await issueKey.textContent()) ?? "";
    expect(await issueKey.getAttribute("href")).toBe(`${sim.url}/browse/${key}`);
    await expect.poll(() => page.getByTestId("jira-link-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("ok");
    expect(sim.control.issue(key).summary).toBe("Predictive maintenance for line 3");
    expect(await page.getByTestId("jira-sync-now").count()).toBe(1);
    await product.screenshot(page, "jira-sync-epic");

    // An edit in Tether goes out through the worker.
    await page.getByTestId("edit-use-case").click();
    await page.getByTestId("use-case-title").fill("Predictive maintenance for lines 3 and 4");
    await page.getByTestId("use-case-submit").click();
    await page.waitForURL(detailUrl);
    await expect.poll(() => sim.control.issue(key).summary, { timeout: 30_000 }).toBe("Predictive maintenance for lines 3 and 4");
    await expect.poll(() => page.getByTestId("jira-link-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("ok");
    await page.locator('[data-testid="jira-recent-entry"][data-operation="push"]').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("jira-recent-change").allTextContents()).toContain("title: Predictive maintenance for line 3 → Predictive maintenance for lines 3 and 4");

    // A change made in Jira, carried by "Sync now" in another tab, shows up here without a reload.
    sim.control.editIssue("ada", key, { fields: { summary: "Predictive maintenance, all lines" } });
    const otherTab = await context.newPage();
    await otherTab.goto(detailUrl);
    await otherTab.getByTestId("jira-sync-now").click();
    await expect.poll(() => sim.control.issue(key).summary).toBe("Predictive maintenance, all lines");
    await expect.poll(() => page.getByTestId("use-case-detail-title").textContent(), { timeout: 15_000 }).toBe("Predictive maintenance, all lines");
    await page.locator('[data-testid="jira-recent-entry"][data-operation="pull"]').first().waitFor();
    await otherTab.close();

    // Unlinked (the Epic stays in Jira), then linked again by its key.
    await page.getByTestId("jira-unlink").click();
    expect(await page.getByTestId("jira-unlink-delete").isChecked()).toBe(false);
    await page.getByTestId("jira-unlink-confirm").click();
    await page.getByTestId("jira-not-linked").waitFor();
    expect(sim.control.issue(key).summary).toBe("Predictive maintenance, all lines");
    await page.getByTestId("jira-link-existing").click();
    await page.getByTestId("jira-link-key").fill(key.toLowerCase());
    await page.getByTestId("jira-link-submit").click();
    await expect.poll(() => page.getByTestId("jira-issue-key").textContent(), { timeout: 20_000 }).toBe(key);
    await expect.poll(() => page.getByTestId("jira-link-state").getAttribute("data-state"), { timeout: 20_000 }).toBe("ok");

    // Changing the mapping now names the linked use case before saving, then re-syncs it.
    await page.getByTestId("nav-jira-settings").click();
    await page.getByTestId("jira-mapping-form").waitFor({ timeout: 30_000 });
    const tags = page.locator('[data-testid="jira-mapping-field"][data-field="tags"]');
    await tags.getByTestId("jira-mapping-direction").click();
    await page.getByRole("option", { name: "Tether → Jira", exact: true }).click();
    await page.getByTestId("jira-mapping-preview").click();
    const impact = page.getByTestId("jira-mapping-impact");
    await impact.waitFor();
    expect(await impact.getAttribute("data-affected")).toBe("1");
    expect(await impact.textContent()).toContain(key);
    await page.getByTestId("jira-mapping-save").click();
    await expect.poll(() => page.getByTestId("jira-mapping-state").textContent(), { timeout: 15_000 }).toContain("Saved (version 2)");
    const resync = page.getByTestId("jira-resync");
    await expect.poll(async () => `${await resync.getAttribute("data-done")}/${await resync.getAttribute("data-total")}`, { timeout: 20_000 }).toBe("1/1");
    // A save that carries no field differently re-syncs nothing, so there is no progress to wait for.
    await page.getByTestId("jira-mapping-policy").click();
    await page.getByRole("option", { name: "Tether wins", exact: true }).click();
    await page.getByTestId("jira-mapping-preview").click();
    expect(await page.getByTestId("jira-mapping-impact").getAttribute("data-affected")).toBe("0");
    await page.getByTestId("jira-mapping-save").click();
    await expect.poll(() => page.getByTestId("jira-mapping-state").textContent()).toContain("Saved (version 3)");
    await expect.poll(() => page.getByTestId("jira-resync").count()).toBe(0);

    // The workspace's sync log, filtered by operation.
    await page.getByTestId("jira-sync-log-link").click();
    await page.getByTestId("sync-log-table").waitFor();
    await page.getByTestId("sync-log-operation").click();
    await page.getByRole("option", { name: "push", exact: true }).click();
    await expect.poll(async () => [...new Set(await page.getByTestId("sync-log-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-operation"))))]).toEqual(["push"]);
    expect(await page.getByTestId("sync-log-row").first().textContent()).toContain(key);
    await product.screenshot(page, "jira-sync-log");
    expect(pageErrors).toEqual([]);
  });

  test("a Visitor sees the use case but nothing of Jira", { timeout: 60_000 }, async () => {
    await page.getByTestId("nav-members").click();
    await page.getByTestId("invite-role").click();
    await page.getByRole("option", { name: "Visitor", exact: true }).click();
    await page.getByTestId("invite-submit").click();
    const inviteUrl = await page.getByTestId("invite-url").inputValue();
    const session = await product.newPage();
    const visitor = session.page;
    onTestFailed(async () => {
      await product.screenshot(visitor, "jira-sync-failure-visitor").catch(() => undefined);
    });
    await visitor.goto(inviteUrl);
    await visitor.getByTestId("invitation-signup").click();
    await fillSignUp(visitor, { name: "Vic Visitor", email: "vic@example.test" });
    // Signing up through an invitation uses it up and lands in its workspace.
    await visitor.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);

    // The page does not even ask for what a Visitor may not see (each refusal was a console error).
    const jiraRequests: string[] = [];
    visitor.on("request", (request) => {
      if (/\/use-cases\/[0-9a-f-]{36}\/jira(\/|$)/.test(new URL(request.url()).pathname)) jiraRequests.push(request.url());
    });
    const consoleErrors: string[] = [];
    visitor.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await visitor.goto(detailUrl);
    await visitor.getByTestId("use-case-detail-title").waitFor();
    await visitor.getByTestId("use-case-facts").waitFor();
    expect(await visitor.getByTestId("jira-panel").count()).toBe(0);
    expect(await visitor.getByTestId("epic-issues").count()).toBe(0);
    expect(jiraRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // The API still hides the link from a Visitor.
    expect((await session.context.request.get(`/api/v1${new URL(detailUrl).pathname.replace(/^\/w\//, "/workspaces/")}/jira`)).status()).toBe(404);
    expect(await visitor.getByTestId("error-alert").count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
