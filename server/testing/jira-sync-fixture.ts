import { expect } from "vitest";
import type { JiraMapping, MappingResponse } from "../../common/contracts/jira-mapping.ts";
import type { JiraLink } from "../../common/contracts/jira-sync.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { type JiraSim, startJiraSim } from "../../sim/jira/index.ts";
import { startWorker, type Worker } from "../queue/worker.ts";
import { createUseCase, type RoleFixture, setUpRoles } from "../routes/api/use-cases/test-fixtures.ts";
import { createTestApp, type TestApp } from "./app.ts";

export type SyncFixture = RoleFixture & {
  app: TestApp;
  sim: JiraSim;
  worker: Worker | null;
  jiraBase: string;
  mapping: JiraMapping;
  createUseCase(body: Record<string, unknown>): Promise<UseCase>;
  link(useCaseId: string, body: Record<string, unknown>): Promise<{ status: number; body: { link: JiraLink } & { error?: { code: string; message: string } } }>;
  close(): Promise<void>;
};

/**
 * A workspace connected to a fresh simulator (real HTTP), metadata refreshed, Tether ↔ Jira
 * features on, the proposed mapping saved, and (unless told otherwise) a real worker running.
 */
export async function setUpSync(flavor: "cloud" | "datacenter", options: { worker?: boolean; prefix?: string } = {}): Promise<SyncFixture> {
  const [app, sim] = await Promise.all([createTestApp({ env: { JIRA_SEARCH_SETTLE_MS: "300" } }), startJiraSim({ flavor, seed: "demo" })]);
  const roles = await setUpRoles(app, options.prefix ?? `sync-${flavor}`);
  const jiraBase = `/workspaces/${roles.workspaceId}/integrations/jira`;
  const connection =
    flavor === "cloud"
      ? { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] }
      : { kind: "datacenter_pat", baseUrl: sim.url, secret: "sim-pat-ada", projectKeys: ["TETH"] };
  expect((await roles.admin.client.put(`${jiraBase}/connection`, connection)).status).toBe(200);
  expect((await roles.admin.client.post(`${jiraBase}/metadata/refresh`)).status).toBe(200);
  expect((await roles.admin.client.patch(`${jiraBase}/features`, { toJira: true, fromJira: true, issueListing: true })).status).toBe(200);
  const proposed = await roles.admin.client.get<MappingResponse>(`${jiraBase}/mapping`);
  expect(proposed.status).toBe(200);
  const saved = await roles.admin.client.put<{ mapping: JiraMapping }>(`${jiraBase}/mapping`, proposed.body.mapping);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const worker = options.worker === false ? null : await startWorker(app.deps);
  return {
    ...roles,
    app,
    sim,
    worker,
    jiraBase,
    mapping: saved.body.mapping,
    createUseCase: (body) => createUseCase(roles.admin, roles.base, body),
    link: (useCaseId, body) => roles.admin.client.post(`${roles.base}/${useCaseId}/jira/link`, body),
    close: async () => {
      await worker?.stop();
      await Promise.all([app.close(), sim.stop()]);
    },
  };
}

/** Polls until `check` passes (it throws while not yet true), or fails with the last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw lastError;
}
