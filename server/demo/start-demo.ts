import { createServer } from "node:net";
import path from "node:path";
import type { Env } from "../env.ts";
import type { Logger } from "../logging/logger.ts";
import type { RunningTether } from "../start.ts";
import { ensureDemoAdmin } from "./demo-admin.ts";
import { DemoState } from "./demo-state.ts";
import { type DemoJira, startDemoJira } from "./demo-jira.ts";
import { type DemoWorkspace, prepareDemoWorkspace } from "./demo-setup.ts";

export type RunningDemo = {
  jiraUrl: string;
  admin: { email: string; password: string };
  workspaceId: string;
  workspace: DemoWorkspace;
  jira: DemoJira;
};

/** A port nobody listens on right now (Tether must know its own URL before it listens: the webhook URL is built from it). */
export async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const loopback = (host: string) => (host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host);

/**
 * Demo mode's environment: its own data folder and embedded PostgreSQL port (unless set), a known
 * port, and PUBLIC_URL = Tether's own address so the simulator can deliver webhooks to it.
 */
export async function demoEnv(env: Env, explicit: { dataDir: boolean; embeddedPort: boolean }): Promise<Env> {
  const port = env.PORT === 0 ? await freePort(env.HOST) : env.PORT;
  return {
    ...env,
    PORT: port,
    // Beside, not inside, a real installation's data (and its embedded PostgreSQL's port).
    dataDir: explicit.dataDir ? env.dataDir : path.resolve("data-demo"),
    EMBEDDED_PG_PORT: explicit.embeddedPort ? env.EMBEDDED_PG_PORT : env.EMBEDDED_PG_PORT + 1,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://${loopback(env.HOST)}:${port}`,
  };
}

/** Starts the demo's Jira simulator; Tether must start after it (its worker talks to it) and then call `prepareDemo`. */
export function startDemoJiraFor(env: Env, logger: Logger): Promise<DemoJira> {
  const port = env.TETHER_DEMO_JIRA_PORT ?? (env.PORT === 0 ? 0 : env.PORT + 1);
  return startDemoJira({ dataDir: env.dataDir, port, host: env.HOST, logger });
}

/** Admin, workspace and everything in it, through the running Tether's API (idempotent). */
export async function prepareDemo(tether: RunningTether, jira: DemoJira): Promise<RunningDemo> {
  const env = tether.deps.env;
  const state = await DemoState.load(env.dataDir);
  const admin = await ensureDemoAdmin(tether.deps.db, { state, tetherUrl: tether.url });
  const user = await tether.deps.db.selectFrom("users").select("id").where("email", "=", admin.email).executeTakeFirstOrThrow();
  const workspace = await prepareDemoWorkspace(admin.api, { id: admin.workspaceId, adminId: user.id, state }, jira.sim);
  await jira.save();
  return { jiraUrl: jira.sim.url, admin: { email: admin.email, password: admin.password }, workspaceId: admin.workspaceId, workspace, jira };
}

export function describeDemo(tetherUrl: string, demo: RunningDemo): string {
  const linked = demo.workspace.links.filter((link) => link.issueKey);
  const webhook =
    demo.workspace.webhook.state === "registered"
      ? "registered: edits made in Jira come back within seconds"
      : `${demo.workspace.webhook.state} (${demo.workspace.webhook.reason ?? "no reason given"}); reconciliation still carries Jira's edits`;
  return [
    "",
    `  Tether demo is running at ${tetherUrl}`,
    `    sign in as      ${demo.admin.email}  /  ${demo.admin.password}`,
    `    use cases       ${tetherUrl}/w/${demo.workspaceId}/use-cases  (${demo.workspace.useCases}, ${linked.length} linked to Jira Epics: ${linked.map((link) => link.issueKey).join(", ")})`,
    `    simulated Jira  ${demo.jiraUrl}/  (its issues; open one to "edit as a Jira user")`,
    `    Jira webhook    ${webhook}`,
    `  Edit a linked use case and watch its Epic change in the simulated Jira, or the other way round.`,
    "",
    "",
  ].join("\n");
}
