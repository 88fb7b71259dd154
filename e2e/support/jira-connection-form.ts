import type { Page } from "playwright-core";

/** Types the Jira site and one project key into the settings page's connection form (Enter adds the key, as a user does). */
export async function fillJiraSite(page: Page, baseUrl: string, projectKey: string): Promise<void> {
  await page.getByTestId("jira-base-url").fill(baseUrl);
  await page.getByTestId("jira-project-keys").fill(projectKey);
  await page.getByTestId("jira-project-keys").press("Enter");
}

/** Replaces what the account and secret inputs hold (fill() on a PasswordInput keeps nothing of the old value either), saves, waits for "Saved.". */
export async function saveJiraAccount(page: Page, account: string, secret: string): Promise<void> {
  await page.getByTestId("jira-account").fill(account);
  await page.getByTestId("jira-secret").fill(secret);
  await page.getByTestId("jira-save").click();
  await page.getByTestId("jira-saved").waitFor();
}

/** The Jira simulator's site and project TETH, as one of its people (`ada` may do everything, `eve` only browse). */
export async function saveSimConnection(page: Page, simUrl: string, person: "ada" | "eve"): Promise<void> {
  await fillJiraSite(page, simUrl, "TETH");
  await saveJiraAccount(page, `${person}@tether.example`, `sim-token-${person}`);
}
