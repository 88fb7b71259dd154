import { randomBytes } from "node:crypto";
import { resetPassword, signUp } from "../commands/accounts.ts";
import { createWorkspace } from "../commands/workspaces.ts";
import type { Db } from "../db/pool.ts";
import { findUserByEmail } from "../models/users.ts";
import { listWorkspacesOf } from "../models/workspaces.ts";
import { DemoApi } from "./demo-api.ts";
import type { DemoState } from "./demo-state.ts";

/** Same address as the simulated Jira's Ada, so the people map pairs the Admin with her Jira account. */
export const demoAdminEmail = "ada@tether.example";
export const demoWorkspaceName = "Tether demo";

export type DemoAdmin = { email: string; password: string; workspaceId: string; api: DemoApi };

/**
 * The demo's Admin and workspace, created once with the same commands as
 * `npm run tether -- create-admin`. The generated password is kept in the demo state (demo.json)
 * so every start can print it; if it no longer opens the account, a new one is set.
 */
export async function ensureDemoAdmin(db: Db, options: { state: DemoState; tetherUrl: string }): Promise<DemoAdmin> {
  const { state } = options;
  let credentials = state.data.admin;
  const fresh = { email: demoAdminEmail, password: `demo-${randomBytes(9).toString("base64url")}` };
  const save = async (value: { email: string; password: string }) => {
    state.data.admin = value;
    await state.save();
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
