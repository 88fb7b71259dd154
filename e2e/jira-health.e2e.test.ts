import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { createUseCase } from "../server/commands/use-cases.ts";
import { saveJiraAccount, saveSimConnection } from "./support/jira-connection-form.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { logInAs, type SeededPerson, seedTeam } from "./support/team-seed.ts";

describe("browser: the Jira connection's health and the connection test's wording", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let admin: SeededPerson;
  let workspaceId = "";
  let useCaseId = "";
  let pageErrors: string[] = [];

  beforeAll(async () => {
    [product, sim] = await Promise.all([startProduct(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    const team = await seedTeam(product.tether.deps.db, "Health space");
    workspaceId = team.workspaceId;
    admin = team.people.admin;
    const caller = { userId: admin.id, role: "admin" as const, workspaceId };
    useCaseId = (await createUseCase(product.tether.deps.db, caller, { title: "Depends on Jira" })).id;
  });

  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop()]);
  });

  test("a wrong token: health shown beside the switches, switching on refused with the reason, a banner on the use case", { timeout: 120_000 }, async () => {
    const session = await product.newPage();
    const page = session.page;
    pageErrors = session.pageErrors;
    onTestFailed(async () => product.screenshot(page, "jira-health-failure").catch(() => undefined));
    await logInAs(page, admin);
    await page.goto(`/w/${workspaceId}/settings/jira`);
    await page.getByTestId("jira-connection-form").waitFor();
    await expect.poll(() => page.getByTestId("jira-health").getAttribute("data-state")).toBe("not_connected");
    expect(await page.getByTestId("jira-feature-toJira").isDisabled()).toBe(true);

    // Eve lacks permissions: the summary names them as Jira's admin screens do.
    await saveSimConnection(page, sim.url, "eve");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="false"]').waitFor();
    expect(await page.getByTestId("jira-test-problem").first().textContent()).toContain("Create Issues (CREATE_ISSUES)");
    // The earlier "Saved." does not sit beside a failed test.
    expect(await page.getByTestId("jira-saved").count()).toBe(0);

    // An unknown project: one line, and no permission rows for it.
    await page.getByTestId("jira-project-keys").fill("TETX");
    await page.getByTestId("jira-project-keys").press("Enter");
    await saveJiraAccount(page, "ada@tether.example", "sim-token-ada");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="false"]').waitFor();
    expect(await page.getByTestId("jira-test-problem").allTextContents()).toEqual([expect.stringContaining("Project TETX not found")]);
    expect(await page.locator('[data-testid="permission-row"][data-granted="false"]').count()).toBe(0);
    await product.screenshot(page, "jira-health-unknown-project");

    // Ada on TETH: working. Metadata pulled; Epic Link's absence on Cloud is explained.
    await page.getByTestId("jira-project-keys").focus();
    await page.getByTestId("jira-project-keys").press("Backspace");
    await saveJiraAccount(page, "ada@tether.example", "sim-token-ada");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="true"]').waitFor();
    await expect.poll(() => page.getByTestId("jira-health").getAttribute("data-state")).toBe("ok");
    await page.getByTestId("jira-refresh-metadata").click();
    await page.getByTestId("jira-metadata-summary").waitFor();
    expect(await page.locator('[data-testid="jira-field-role"][data-role="epicLink"]').textContent()).toContain(
      "not found — does not matter on Jira Cloud, where the Epic is the issue's parent",
    );
    const toJira = page.getByTestId("jira-feature-toJira");
    await toJira.click({ force: true });
    await expect.poll(() => toJira.isChecked()).toBe(true);

    // Saving again (same settings) keeps the metadata on screen.
    await page.getByTestId("jira-save").click();
    await page.getByTestId("jira-saved").waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId("jira-metadata-summary").count()).toBe(1);

    // A wrong token: the test fails and the health says so beside the switches.
    await saveJiraAccount(page, "ada@tether.example", "wrong-token");
    await page.getByTestId("jira-test").click();
    await page.locator('[data-testid="jira-test-result"][data-ok="false"]').waitFor();
    await expect.poll(() => page.getByTestId("jira-health").getAttribute("data-state")).toBe("broken");
    const reason = (await page.getByTestId("jira-health-reason").textContent()) ?? "";
    expect(reason).toMatch(/^Jira rejected the credentials/);
    expect(await page.getByTestId("jira-test-problem").first().textContent()).toContain(reason);
    const fromJira = page.getByTestId("jira-feature-fromJira");
    expect(await fromJira.isDisabled()).toBe(true);
    // Every switch that is off says why it cannot be switched on (one line each), and none other does.
    const switches = page.locator('[data-testid^="jira-feature-"]');
    let off = 0;
    for (const toggle of await switches.all()) if (!(await toggle.isChecked())) off += 1;
    expect(off).toBeGreaterThanOrEqual(2);
    expect(await page.getByText("Cannot be switched on while the connection is broken").count()).toBe(off);
    // What is on can still be switched off.
    expect(await toJira.isDisabled()).toBe(false);
    await product.screenshot(page, "jira-health-broken");

    // A page that depends on Jira says so.
    await page.goto(`/w/${workspaceId}/use-cases/${useCaseId}`);
    await page.getByTestId("jira-health-banner").waitFor();
    expect(await page.getByTestId("jira-health-banner").textContent()).toContain("The Jira connection is broken");
    await product.screenshot(page, "jira-health-banner");
    expect(pageErrors).toEqual([]);
  });
});
