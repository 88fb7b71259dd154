import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { resetPassword, signUp } from "../commands/accounts.ts";
import { createWorkspace } from "../commands/workspaces.ts";
import type { Db } from "../db/pool.ts";
import { findUserByEmail } from "../models/users.ts";
import { listWorkspacesOf } from "../models/workspaces.ts";
import { DemoApi } from "./demo-api.ts";

/** Same address as the simulated Jira's Ada, so the people map pairs the Admin with her Jira account. */
export const demoAdminEmail = "ada@tether.example";
export const demoWorkspaceName = "Tether demo";

const DemoCredentials = z.object({ email: z.string(), password: z.string().min(10) });
export type DemoAdmin = { email: string; password: string; workspaceId: string; api: DemoApi };

async function readCredentials(file: string) {
  if (!existsSync(file)) return null;
  const parsed = DemoCredentials.safeParse(JSON.parse(await readFile(file, "utf8")));
  return parsed.success ? parsed.data : null;
}

/**
 * The demo's Admin and workspace, created once with the same commands as
 * `npm run tether -- create-admin`. The generated password is kept in `<dataDir>/demo-admin.json`
 * (owner-only) so every start can print it; if it no longer opens the account, a new one is set.
 */
export async function ensureDemoAdmin(db: Db, options: { dataDir: string; tetherUrl: string }): Promise<DemoAdmin> {
  const file = path.join(options.dataDir, "demo-admin.json");
  let credentials = await readCredentials(file);
  const fresh = { email: demoAdminEmail, password: `demo-${randomBytes(9).toString("base64url")}` };
  const save = async (value: { email: string; password: string }) => {
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    return value;
  };

  let user = await findUserByEmail(db, demoAdminEmail);
  if (!user) {
    credentials = await save(fresh);
    await signUp(db, { email: fresh.email, password: fresh.password, displayName: "Ada Admin" });
    user = await findUserByEmail(db, demoAdminEmail);
    if (!user) throw new Error("the demo Admin vanished right after sign-up");
  }
  let api = credentials ? await DemoApi.signIn(options.tetherUrl, credentials) : null;
  if (!api || !credentials) {
    credentials = await save(fresh);
    await resetPassword(db, fresh.email, fresh.password);
    api = await DemoApi.signIn(options.tetherUrl, credentials);
    if (!api) throw new Error("the demo Admin cannot sign in with the password just set");
  }
  const workspaces = await listWorkspacesOf(db, user.id);
  const workspace = workspaces.find((candidate) => candidate.name === demoWorkspaceName && candidate.role === "admin") ?? (await createWorkspace(db, user.id, demoWorkspaceName));
  return { email: credentials.email, password: credentials.password, workspaceId: workspace.id, api };
}
