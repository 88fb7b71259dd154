import type { Page } from "playwright-core";
import type { Role } from "../../common/contracts/workspaces.ts";
import { signUp } from "../../server/commands/accounts.ts";
import { createWorkspace } from "../../server/commands/workspaces.ts";
import type { Db } from "../../server/db/pool.ts";
import { insertMembership } from "../../server/models/workspaces.ts";

export const seedPassword = "a long enough password";

export type SeededPerson = { id: string; email: string; role: Role };

/** A workspace with one person per role, created straight through the commands (the UI journeys start logged out). */
export async function seedTeam(db: Db, name: string): Promise<{ workspaceId: string; people: Record<Role, SeededPerson> }> {
  const person = async (role: Role) => {
    const email = `${role}-${name.toLowerCase().replaceAll(/\W+/g, "-")}@example.test`;
    const user = await signUp(db, { email, password: seedPassword, displayName: `${role[0]?.toUpperCase()}${role.slice(1)} ${name}` }, "open");
    return { id: user.id, email, role };
  };
  const admin = await person("admin");
  const workspace = await createWorkspace(db, admin.id, name);
  const people: Record<Role, SeededPerson> = { admin, moderator: await person("moderator"), member: await person("member"), visitor: await person("visitor") };
  for (const role of ["moderator", "member", "visitor"] as const) await insertMembership(db, workspace.id, people[role].id, role);
  return { workspaceId: workspace.id, people };
}

export async function logInAs(page: Page, person: SeededPerson): Promise<void> {
  await page.goto("/login");
  await page.getByTestId("login-email").fill(person.email);
  await page.getByTestId("login-password").fill(seedPassword);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(/\/w\/[0-9a-f-]+\//);
}
