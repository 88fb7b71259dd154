import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { seedEpic } from "../server/testing/epic-listing-seed.ts";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { apiAsBrowser, connectJiraByApi, signUpWithWorkspace } from "./support/sign-up.ts";

describe("browser: the Epic's issues on a linked use case", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let page: Page;
  let useCaseUrl = "";
  let childKeys: string[] = [];

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    const session = await product.newPage();
    page = session.page;
    const { workspaceId } = await signUpWithWorkspace(page, { name: "Katherine Johnson", email: "katherine@example.test" }, "Listing space");
    const api = await apiAsBrowser(session.context.request);
    await connectJiraByApi(api, workspaceId, sim, { projectKeys: ["TETH"], features: { toJira: true, fromJira: true, issueListing: true } });
    const seeded = seedEpic(sim, "cloud", 12, "Checkout redesign");
    childKeys = seeded.childKeys;
    const created = (await api("POST", `/workspaces/${workspaceId}/use-cases`, { title: "Checkout redesign" }, 201)) as { useCase: { id: string } };
    await api("POST", `/workspaces/${workspaceId}/use-cases/${created.useCase.id}/jira/link`, { issueKey: seeded.epicKey }, 201);
    useCaseUrl = `/w/${workspaceId}/use-cases/${created.useCase.id}`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  const rows = () => page.getByTestId("epic-issue-row");
  async function choose(testId: string, option: string) {
    await page.getByTestId(testId).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  test("lists the issues with progress, narrows them with filters, shows the empty state, links out to Jira", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "epic-issues-failure").catch(() => undefined);
    });
    // Nothing the page loads may break its own Content Security Policy (Jira-hosted icons did).
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && message.text().includes("Content Security Policy")) blocked.push(message.text());
    });
    await page.goto(useCaseUrl);
    await page.getByTestId("epic-issues-table").waitFor();
    await expect.poll(() => rows().count()).toBe(12);
    expect(await rows().first().locator("img").count()).toBe(0);
    expect(blocked).toEqual([]);
    expect(await page.getByTestId("epic-issues-count").textContent()).toBe("12 issues");
    expect(await page.getByTestId("epic-progress-new").textContent()).toBe("To Do: 12 (33 pts)");
    expect(await page.getByTestId("epic-issues-fetched-at").textContent()).toMatch(/Loaded from Jira/);
    const firstLink = rows().first().getByRole("link");
    expect(await firstLink.getAttribute("href")).toBe(`${sim.url}/browse/${childKeys[0]}`);

    await choose("epic-filter-type", "Bug");
    await expect.poll(() => rows().count()).toBe(4);
    expect(await page.getByTestId("epic-issues-count").textContent()).toBe("4 of 12 issues match");
    await choose("epic-filter-assignee", "Unassigned");
    // Bugs are children 2, 5, 8, 11; unassigned are 0, 3, 6, 9: none is both.
    await page.getByTestId("epic-issues-empty").waitFor();
    expect(await page.getByTestId("epic-issues-empty").textContent()).toMatch(/No issue matches/);
    // Progress stays the whole Epic's.
    expect(await page.getByTestId("epic-progress-new").textContent()).toBe("To Do: 12 (33 pts)");

    await page.goto(useCaseUrl);
    await page.getByTestId("epic-filter-q").fill("Child 1");
    // "Child 1", "Child 10", "Child 11".
    await expect.poll(() => rows().count()).toBe(3);
    await choose("epic-filter-assignee", "Unassigned");
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByTestId("epic-issues-empty").waitFor();

    await page.getByTestId("epic-issues-refresh").click();
    await page.getByTestId("epic-issues-empty").waitFor();
  });
});
