import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { signUpWithWorkspace } from "./support/sign-up.ts";

const statusNames = (page: Page) =>
  page.getByTestId("status-name").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

async function workflowRow(page: Page, name: string): Promise<Locator> {
  await page.getByTestId("workflow-row").first().waitFor();
  const index = (await statusNames(page)).indexOf(name);
  expect(index, `status "${name}" in the editor`).toBeGreaterThanOrEqual(0);
  return page.getByTestId("workflow-row").nth(index);
}

const column = (page: Page, status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
const columnCount = (page: Page, status: string) => column(page, status).getByTestId("board-column-count").textContent();

async function createUseCase(page: Page, title: string): Promise<string> {
  await page.getByTestId("new-use-case").click();
  await page.getByTestId("use-case-title").fill(title);
  await page.getByTestId("use-case-submit").click();
  await page.waitForURL(/\/use-cases\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1) ?? "";
}

describe("browser: an Admin shapes the workspace's workflow and works the board", () => {
  let product: ProductUnderTest;
  let admin: Page;
  let pageErrors: string[] = [];
  let workspaceId = "";

  beforeAll(async () => {
    product = await startProduct();
    ({ page: admin, pageErrors } = await product.newPage());
    ({ workspaceId } = await signUpWithWorkspace(admin, { name: "Grace Hopper", email: "grace@example.test" }, "Funnel space"));
  });

  afterAll(async () => {
    await product?.stop();
  });

  test("rename the workspace; add “Parked” before “Done”; move a use case into it on the board; removing it is refused", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "workspace-settings-failure").catch(() => undefined);
    });

    // Rename: the header's workspace menu follows.
    await admin.getByTestId("nav-workspace-settings").click();
    await admin.waitForURL(/\/settings$/);
    await admin.getByTestId("workspace-settings-name").fill("Innovation funnel");
    await admin.getByTestId("workspace-rename-submit").click();
    await admin.getByTestId("workspace-renamed").waitFor();
    await expect.poll(() => admin.getByTestId("workspace-menu").textContent()).toContain("Innovation funnel");

    // Add "Parked", move it up before "Done", save; the order survives a reload.
    await admin.getByTestId("workflow-add").click();
    await admin.getByTestId("status-name").last().fill("Parked");
    // A row is found by its place, so look it up again after each move.
    await (await workflowRow(admin, "Parked")).getByTestId("status-up").click();
    await (await workflowRow(admin, "Parked")).getByTestId("status-up").click();
    expect(await statusNames(admin)).toEqual(["Idea", "Evaluating", "Approved", "In delivery", "Parked", "Done", "Rejected"]);
    // A duplicate name is caught before saving.
    await admin.getByTestId("status-name").nth(4).fill("done");
    expect(await admin.getByTestId("workflow-save").isDisabled()).toBe(true);
    await admin.getByTestId("status-name").nth(4).fill("Parked");
    // Parking a use case stops it: the Admin picks the "Stopped" category, like Rejected has.
    expect(await (await workflowRow(admin, "Rejected")).getByTestId("status-category").inputValue()).toBe("Stopped");
    await (await workflowRow(admin, "Parked")).getByTestId("status-category").click();
    await admin.getByRole("option", { name: "Stopped", exact: true }).click();
    await product.screenshot(admin, "workspace-settings-workflow-draft");
    await admin.getByTestId("workflow-save").click();
    await admin.getByTestId("workflow-saved").waitFor();
    await admin.reload();
    await expect.poll(() => statusNames(admin)).toEqual(["Idea", "Evaluating", "Approved", "In delivery", "Parked", "Done", "Rejected"]);
    expect(await (await workflowRow(admin, "Parked")).getByTestId("status-category").inputValue()).toBe("Stopped");
    await product.screenshot(admin, "workspace-settings-saved");
    // The audit log shows the saved workflow and the rename, newest first.
    await expect
      .poll(() => admin.getByTestId("audit-entry").evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute("data-action"))))
      .toEqual(["statuses.replaced", "workspace.renamed"]);

    // Integrations → Jira is one click away.
    await admin.getByTestId("settings-jira-link").click();
    await admin.waitForURL(/\/settings\/jira$/);

    // Two use cases start in the first status.
    await admin.getByTestId("nav-use-cases").click();
    const routeId = await createUseCase(admin, "Route optimisation");
    await admin.getByTestId("nav-use-cases").click();
    await createUseCase(admin, "Churn model");
    await admin.getByTestId("nav-use-cases").click();

    // The board: one column per status, in workflow order.
    await admin.getByTestId("view-switch").getByText("Board").click();
    await admin.waitForURL(/\/use-cases\/board$/);
    await expect.poll(() => columnCount(admin, "Idea")).toBe("2");
    expect(await admin.getByTestId("board-column").evaluateAll((columns) => columns.map((c) => c.getAttribute("data-status")))).toEqual([
      "Idea",
      "Evaluating",
      "Approved",
      "In delivery",
      "Parked",
      "Done",
      "Rejected",
    ]);
    expect(await columnCount(admin, "Parked")).toBe("0");
    await product.screenshot(admin, "workspace-settings-board-before");

    const routeCard = admin.getByTestId("board-card").filter({ hasText: "Route optimisation" });
    await routeCard.getByTestId("board-move").click();
    await admin.getByRole("menuitem", { name: "Parked", exact: true }).click();
    await expect.poll(() => columnCount(admin, "Parked")).toBe("1");
    await expect.poll(() => columnCount(admin, "Idea")).toBe("1");
    await column(admin, "Parked").getByTestId("board-card").filter({ hasText: "Route optimisation" }).waitFor();
    await expect.poll(() => admin.locator('[data-testid="board-move"][data-loading]').count()).toBe(0);
    await product.screenshot(admin, "workspace-settings-board-after");

    // Someone else changes "Churn model" behind the board's back: the stale move is refused and the board catches up.
    const churnCard = admin.getByTestId("board-card").filter({ hasText: "Churn model" });
    const churnKey = (await churnCard.getAttribute("data-key")) ?? "";
    const session = (await (await admin.request.get("/api/v1/auth/session")).json()) as { csrfToken: string };
    const list = (await (await admin.request.get(`/api/v1/workspaces/${workspaceId}/use-cases?q=Churn`)).json()) as {
      useCases: { id: string; version: number }[];
    };
    const churn = list.useCases[0];
    expect(churn).toBeDefined();
    const edit = await admin.request.patch(`/api/v1/workspaces/${workspaceId}/use-cases/${churn?.id}`, {
      headers: { "x-csrf-token": session.csrfToken },
      data: { version: churn?.version, title: "Churn model v2" },
    });
    expect(edit.status()).toBe(200);
    await churnCard.getByTestId("board-move").click();
    await admin.getByRole("menuitem", { name: "Done", exact: true }).click();
    await admin.getByTestId("board-move-problem").waitFor();
    expect(await admin.getByTestId("board-move-problem").textContent()).toContain(`Someone changed ${churnKey}`);
    await column(admin, "Idea").getByTestId("board-card").filter({ hasText: "Churn model v2" }).waitFor();
    expect(await columnCount(admin, "Done")).toBe("0");
    await product.screenshot(admin, "workspace-settings-board-conflict");

    // Parked still holds a use case: removing it is refused, and the message says which and how many.
    await admin.getByTestId("nav-workspace-settings").click();
    await (await workflowRow(admin, "Parked")).getByTestId("status-remove").click();
    await admin.getByTestId("workflow-removing").waitFor();
    await admin.getByTestId("workflow-save").click();
    const refusal = admin.getByTestId("error-alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('"Parked" (1)');
    expect(await statusNames(admin)).not.toContain("Parked");
    await product.screenshot(admin, "workspace-settings-remove-refused");
    const statuses = (await (await admin.request.get(`/api/v1/workspaces/${workspaceId}/statuses`)).json()) as { statuses: { name: string }[] };
    expect(statuses.statuses.map((s) => s.name)).toContain("Parked");

    // From the refusal straight to the use cases in the way: the board narrowed to that status.
    await admin.getByTestId("workflow-conflict-links").getByRole("link").click();
    await admin.waitForURL(/\/use-cases\/board\?status=/);
    await column(admin, "Parked").getByTestId("board-card").filter({ hasText: "Route optimisation" }).waitFor();
    expect(await admin.getByTestId("board-column").count()).toBe(1);
    await product.screenshot(admin, "workspace-settings-board-filtered");

    // The use case is still where it was put.
    await admin.goto(`/w/${workspaceId}/use-cases/${routeId}`);
    expect(await admin.getByTestId("status-badge").first().textContent()).toBe("Parked");
    expect(pageErrors).toEqual([]);
  });
});
