import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { type JiraSim, startJiraSim } from "../sim/jira/index.ts";
import { fillJiraSite, saveJiraAccount } from "./support/jira-connection-form.ts";
import { type ProductUnderTest, startProduct } from "./support/product.ts";
import { fillSignUp, signUpWithWorkspace } from "./support/sign-up.ts";

describe("browser: an Admin connects the workspace to Jira", () => {
  let product: ProductUnderTest;
  let sim: JiraSim;
  let datacenter: JiraSim;
  let admin: Page;
  let pageErrors: string[][] = [];
  let settingsUrl = "";

  beforeAll(async () => {
    [product, sim, datacenter] = await Promise.all([
      startProduct(),
      startJiraSim({ flavor: "cloud", seed: "demo" }),
      startJiraSim({ flavor: "datacenter", seed: "demo" }),
    ]);
    const session = await product.newPage();
    admin = session.page;
    pageErrors = [session.pageErrors];
    await signUpWithWorkspace(admin, { name: "Grace Hopper", email: "grace@example.test" }, "Jira space");
  });

  afterAll(async () => {
    await Promise.all([product?.stop(), sim?.stop(), datacenter?.stop()]);
  });

  test("save, test with a weak and a strong account, pull metadata, switch a feature on; the token never reaches the page", { timeout: 90_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "jira-settings-failure").catch(() => undefined);
    });
    await admin.getByTestId("nav-jira-settings").click();
    await admin.waitForURL(/\/w\/[0-9a-f-]+\/settings\/jira$/);
    settingsUrl = admin.url();
    await admin.getByTestId("jira-connection-form").waitFor();
    // Nothing to test before a connection exists.
    expect(await admin.getByTestId("jira-test").count()).toBe(0);

    // Eve may only browse: the report names each missing permission in a Jira admin's words.
    await fillJiraSite(admin, sim.url, "teth");
    await saveJiraAccount(admin, "eve@tether.example", "sim-token-eve");
    expect(await admin.getByTestId("jira-secret-status").textContent()).toContain("ends with …-eve");
    await admin.getByTestId("jira-test").click();
    await admin.locator('[data-testid="jira-test-result"][data-ok="false"]').waitFor();
    const createIssues = admin.locator('[data-testid="permission-row"][data-permission="CREATE_ISSUES"]');
    expect(await createIssues.getAttribute("data-granted")).toBe("false");
    expect(await createIssues.getByTestId("permission-explanation").textContent()).toContain("Without “Create Issues”, Tether cannot create an Epic");
    const browse = admin.locator('[data-testid="permission-row"][data-permission="BROWSE_PROJECTS"]');
    expect(await browse.getAttribute("data-granted")).toBe("true");
    expect(await admin.getByTestId("permission-administer").getAttribute("data-granted")).toBe("false");
    expect(await admin.getByTestId("jira-test-problem").first().getAttribute("data-code")).toBe("missing_permissions");
    await product.screenshot(admin, "jira-settings-eve");

    // Ada is a site admin: everything granted.
    await saveJiraAccount(admin, "ada@tether.example", "sim-token-ada");
    await admin.getByTestId("jira-test-none").waitFor();
    await admin.getByTestId("jira-test").click();
    await admin.locator('[data-testid="jira-test-result"][data-ok="true"]').waitFor();
    expect(await admin.getByTestId("jira-test-account").textContent()).toContain("Ada Admin");
    expect(await admin.getByTestId("jira-test-server").textContent()).toContain("Cloud");
    expect(await admin.getByTestId("permission-administer").getAttribute("data-granted")).toBe("true");
    expect(await admin.locator('[data-testid="permission-row"][data-granted="false"]').count()).toBe(0);

    // Metadata: the selected project with its Epic type, boards and the custom fields Tether needs.
    await admin.getByTestId("jira-refresh-metadata").click();
    const teth = admin.locator('[data-testid="jira-metadata-project"][data-project="TETH"]');
    const refreshFailed = admin.getByTestId("error-alert").filter({ hasText: "Jira metadata not refreshed" });
    await teth.or(refreshFailed).waitFor();
    // The refresh must succeed: an error alert here is a failure, and its text says why.
    expect(await refreshFailed.count(), (await refreshFailed.allTextContents()).join(" | ")).toBe(0);
    expect(await teth.locator('[data-testid="jira-issue-type"][data-epic="true"]').textContent()).toContain("Epic");
    expect(await teth.getByTestId("jira-board").count()).toBeGreaterThan(0);
    expect(Number(await admin.getByTestId("jira-metadata-count-projects").textContent())).toBeGreaterThanOrEqual(2);
    expect(await admin.locator('[data-testid="jira-field-role"][data-role="storyPoints"]').textContent()).toMatch(/customfield_\d+/);
    expect(await admin.getByTestId("jira-metadata-fetched-at").textContent()).toMatch(/^Pulled at /);
    await product.screenshot(admin, "jira-settings-ada");

    // Features are switched on one by one.
    const toJira = admin.getByTestId("jira-feature-toJira");
    expect(await toJira.isChecked()).toBe(false);
    // The switch follows the server's answer, not the click, so check() (which wants an instant change) does not fit.
    await toJira.click({ force: true });
    await expect.poll(() => toJira.isChecked()).toBe(true);

    // A Personal Access Token against Atlassian's cloud is refused with a message saying why.
    await admin.getByTestId("jira-kind").click();
    await admin.getByRole("option", { name: "Jira Data Center (Personal Access Token)", exact: true }).click();
    expect(await admin.getByTestId("jira-account").count()).toBe(0);
    expect(await admin.getByLabel("Personal Access Token").count()).toBe(1);
    expect(await admin.getByTestId("jira-secret-status").textContent()).toContain("The stored secret is for Jira Cloud (email + API token)");
    await admin.getByTestId("jira-base-url").fill("https://acme.atlassian.net");
    await admin.getByTestId("jira-secret").fill("a-personal-access-token");
    await admin.getByTestId("jira-save").click();
    await admin.getByTestId("error-alert").filter({ hasText: "acme.atlassian.net is a Jira Cloud site" }).waitFor();
    await product.screenshot(admin, "jira-settings-refused");

    // After a reload: the stored connection, its last test and the feature, and never the token.
    await admin.reload();
    await admin.getByTestId("jira-settings").waitFor();
    expect(await admin.getByTestId("jira-secret").inputValue()).toBe("");
    expect(await admin.getByTestId("jira-secret-status").textContent()).toContain("ends with …-ada");
    expect(await admin.getByTestId("jira-test-checked-at").textContent()).toMatch(/^checked at /);
    expect(await admin.locator('[data-testid="jira-test-result"]').getAttribute("data-ok")).toBe("true");
    await expect.poll(() => admin.getByTestId("jira-feature-toJira").isChecked()).toBe(true);
    await admin.getByTestId("jira-metadata-summary").waitFor();
    expect(await admin.locator('[data-testid="jira-metadata-project"][data-project="TETH"] [data-testid="jira-issue-type"][data-epic="true"]').count()).toBe(1);
    expect(await admin.content()).not.toContain("sim-token-ada");
    expect(await admin.evaluate(() => document.documentElement.outerHTML)).not.toContain("sim-token");
    await product.screenshot(admin, "jira-settings-reloaded");
  });

  test("switching to Data Center with a Personal Access Token: tested, then its metadata summarised", { timeout: 60_000 }, async () => {
    onTestFailed(async () => {
      await product.screenshot(admin, "jira-settings-failure-datacenter").catch(() => undefined);
    });
    await admin.goto(settingsUrl);
    // The whole page (test, metadata, mapping) loads before the form is used, as after the reload above.
    await admin.getByTestId("jira-settings").waitFor();
    await admin.waitForLoadState("networkidle");
    await admin.getByTestId("jira-kind").click();
    await admin.getByRole("option", { name: "Jira Data Center (Personal Access Token)", exact: true }).click();
    await admin.getByTestId("jira-base-url").fill(datacenter.url);
    await admin.getByTestId("jira-secret").fill("sim-pat-ada");
    await admin.getByTestId("jira-save").click();
    await admin.getByTestId("jira-saved").waitFor();
    await admin.getByTestId("jira-test").click();
    await admin.locator('[data-testid="jira-test-result"][data-ok="true"]').waitFor();
    expect(await admin.getByTestId("jira-test-server").textContent()).not.toContain("Cloud");

    await admin.getByTestId("jira-refresh-metadata").click();
    const teth = admin.locator('[data-testid="jira-metadata-project"][data-project="TETH"]');
    await teth.waitFor();
    expect(await teth.locator('[data-testid="jira-issue-type"][data-epic="true"]').textContent()).toContain("Epic");
    expect(await teth.locator('[data-testid="jira-issue-type"][data-epic="false"]').count()).toBeGreaterThan(0);
    expect(await teth.getByTestId("jira-board").count()).toBeGreaterThan(0);
    expect(Number(await admin.getByTestId("jira-metadata-count-projects").textContent())).toBeGreaterThanOrEqual(2);
    // Data Center keeps Epics in its own custom fields; Tether must have found them.
    expect(await admin.locator('[data-testid="jira-field-role"][data-role="epicLink"]').textContent()).toMatch(/customfield_\d+/);
    expect(await admin.getByTestId("jira-metadata-fetched-at").textContent()).toMatch(/^Pulled at /);
    await product.screenshot(admin, "jira-settings-datacenter");
  });

  test("a Member gets no link and, opening the address, a notice saying who the page is for", { timeout: 60_000 }, async () => {
    const memberSession = await product.newPage();
    const member = memberSession.page;
    pageErrors.push(memberSession.pageErrors);
    onTestFailed(async () => {
      await product.screenshot(member, "jira-settings-failure-member").catch(() => undefined);
    });
    await admin.getByTestId("nav-members").click();
    await admin.getByTestId("invite-role").click();
    await admin.getByRole("option", { name: "Member", exact: true }).click();
    await admin.getByTestId("invite-submit").click();
    const inviteUrl = await admin.getByTestId("invite-url").inputValue();

    await member.goto(inviteUrl);
    await member.getByTestId("invitation-signup").click();
    await fillSignUp(member, { name: "Mel Member", email: "mel@example.test" });
    // Signing up through the invitation uses it up and lands in its workspace.
    await member.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
    await member.getByTestId("nav-members").waitFor();
    expect(await member.getByTestId("nav-jira-settings").count()).toBe(0);

    const refused: string[] = [];
    member.on("response", (response) => void (response.status() === 403 && refused.push(response.url())));
    await member.goto(settingsUrl);
    const notice = member.getByTestId("read-only-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("You are a Member in this workspace");
    expect(await member.getByTestId("jira-connection-form").count()).toBe(0);
    // Nothing was asked that the API refuses (each refusal is a console error in the browser).
    expect(refused).toEqual([]);
    await product.screenshot(member, "jira-settings-member");
    expect(pageErrors.flat()).toEqual([]);
  });
});
