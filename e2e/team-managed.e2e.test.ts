import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { apiAsBrowser, connectJiraByApi, signUpWithWorkspace } from "./support/sign-up.ts";

/** A workspace whose Epics live in a team-managed Jira project (NOVA), with a company-managed one (TETH) beside it. */
describe("browser: a use case linked in a team-managed project", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let page: Page;
  let workspaceId = "";
  let linkedUrl = "";
  let createdUrl = "";

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    const session = await product.newPage();
    page = session.page;
    ({ workspaceId } = await signUpWithWorkspace(page, { name: "Mary Jackson", email: "mary@example.test" }, "Team-managed space"));
    const api = await apiAsBrowser(session.context.request);
    await connectJiraByApi(api, workspaceId, sim, { projectKeys: ["NOVA", "TETH"], features: { toJira: true, fromJira: true, issueListing: true } });
    const make = async (title: string) => ((await api("POST", `/workspaces/${workspaceId}/use-cases`, { title }, 201)) as { useCase: { id: string } }).useCase.id;
    linkedUrl = `/w/${workspaceId}/use-cases/${await make("Self-service data export")}`;
    createdUrl = `/w/${workspaceId}/use-cases/${await make("Partner onboarding portal")}`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  test("links the team-managed Epic from the Jira panel and lists its children; Create Epic makes one there", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(page, "team-managed-failure").catch(() => undefined);
    });
    // The demo site's first NOVA Epic has five children, linked through `parent`.
    const epic = sim.control.issue("NOVA-1");
    const children = sim.control.store.childrenOf(epic.id).map((child) => child.key);
    expect(children).toHaveLength(5);

    await page.goto(linkedUrl);
    await page.getByTestId("jira-link-existing").click();
    await page.getByTestId("jira-link-key").fill("NOVA-1");
    await page.getByTestId("jira-link-submit").click();
    await expect.poll(() => page.getByTestId("jira-issue-key").textContent(), { timeout: 15_000 }).toBe("NOVA-1");
    await expect.poll(() => page.getByTestId("jira-link-state").getAttribute("data-state"), { timeout: 15_000 }).toBe("ok");

    // The Epic's issues appear on the open page once the link exists, without a reload.
    await page.getByTestId("epic-issues-table").waitFor({ timeout: 15_000 });
    const rows = page.getByTestId("epic-issue-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(5);
    const listed = await rows.allTextContents();
    for (const key of children) expect(listed.join(" ")).toContain(key);
    // Story points come from the project's own "Story point estimate" field.
    const points = sim.control.store.schemeOf(epic.projectId).fieldIds.storyPoints;
    const total = sim.control.store.childrenOf(epic.id).reduce((sum, child) => sum + Number(child.custom[points] ?? 0), 0);
    expect(total).toBeGreaterThan(0);
    const progress = await page.locator('[data-testid^="epic-progress-"]').allTextContents();
    const shown = progress.reduce((sum, text) => sum + Number(/\((\d+) pts\)/.exec(text)?.[1] ?? 0), 0);
    expect(shown, progress.join(" | ")).toBe(total);

    await page.goto(createdUrl);
    await page.getByTestId("jira-create-epic").click();
    await expect.poll(() => page.getByTestId("jira-issue-key").textContent(), { timeout: 15_000 }).toMatch(/^NOVA-\d+$/);
    const key = (await page.getByTestId("jira-issue-key").textContent()) ?? "";
    const created = sim.control.issue(key);
    const novaEpicType = sim.control.store.schemeOf(created.projectId).issueTypes.find((type) => type.hierarchyLevel === 1)?.id;
    expect(created.issueTypeId).toBe(novaEpicType);
    expect(created.summary).toBe("Partner onboarding portal");
  });
});
