import type { APIRequestContext, Page } from "playwright-core";
import { expect } from "vitest";
import type { JiraSim } from "../../sim/jira/index.ts";

/** Everyone the browser tests sign up uses this password: long enough for the sign-up rules. */
export const PASSWORD = "a long enough password";

export type NewPerson = { name: string; email: string };

/** Fills in the sign-up form the page shows and submits it. */
export async function fillSignUp(page: Page, person: NewPerson): Promise<void> {
  await page.getByTestId("signup-name").fill(person.name);
  await page.getByTestId("signup-email").fill(person.email);
  await page.getByTestId("signup-password").fill(PASSWORD);
  await page.getByTestId("signup-submit").click();
}

/** On the "new workspace" page a new account lands on: creates it and waits for its use-case list. */
export async function createWorkspace(page: Page, name: string): Promise<{ workspaceId: string; listUrl: string }> {
  await page.getByTestId("workspace-name").fill(name);
  await page.getByTestId("workspace-create-submit").click();
  await page.waitForURL(/\/w\/[0-9a-f-]+\/use-cases$/);
  const listUrl = page.url();
  return { workspaceId: /\/w\/([0-9a-f-]+)\//.exec(listUrl)?.[1] ?? "", listUrl };
}

/** A new account through the sign-up form, with a workspace of its own (so it is the workspace's Admin). */
export async function signUpWithWorkspace(page: Page, person: NewPerson, workspace: string): Promise<{ workspaceId: string; listUrl: string }> {
  await page.goto("/signup");
  await fillSignUp(page, person);
  return createWorkspace(page, workspace);
}

export type ApiCall = (method: "GET" | "POST" | "PUT" | "PATCH", path: string, data?: unknown, status?: number) => Promise<Record<string, unknown>>;

/**
 * Tether's API as the signed-in browser user (its session cookie and CSRF token), for set-up the
 * test is not about. Any status but the expected one (200 unless given) fails the test.
 */
export async function apiAsBrowser(request: APIRequestContext): Promise<ApiCall> {
  const csrf = String(((await (await request.get("/api/v1/auth/session")).json()) as { csrfToken: string }).csrfToken);
  return async (method, path, data, status = 200) => {
    const response = await request.fetch(`/api/v1${path}`, { method, headers: { "x-csrf-token": csrf }, ...(data === undefined ? {} : { data }) });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(status);
    return response.json() as Promise<Record<string, unknown>>;
  };
}

/**
 * Connects the workspace to the Jira simulator through the API as Ada (the simulator's admin):
 * the connection, its metadata, the given features, and the mapping Tether proposes.
 */
export async function connectJiraByApi(
  api: ApiCall,
  workspaceId: string,
  sim: JiraSim,
  options: { projectKeys: string[]; features: Record<string, boolean> },
): Promise<void> {
  const jira = `/workspaces/${workspaceId}/integrations/jira`;
  await api("PUT", `${jira}/connection`, { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: options.projectKeys });
  await api("POST", `${jira}/metadata/refresh`);
  await api("PATCH", `${jira}/features`, options.features);
  const proposed = (await api("GET", `${jira}/mapping`)) as { mapping: unknown };
  await api("PUT", `${jira}/mapping`, proposed.mapping);
}
