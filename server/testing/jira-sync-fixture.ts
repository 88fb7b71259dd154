import { expect } from "vitest";
import type { JiraMapping, MappingResponse } from "../../common/contracts/jira-mapping.ts";
import type { JiraLink } from "../../common/contracts/jira-sync.ts";
import type { UseCase } from "../../common/contracts/use-cases.ts";
import { type JiraSim, startJiraSim } from "../../sim/jira/index.ts";
import { startWorker, type Worker } from "../queue/worker.ts";
import { createUseCase, type RoleFixture, setUpRoles } from "../routes/api/use-cases/test-fixtures.ts";
import { createTestApp, type TestApp } from "./app.ts";
import { mappingForProject } from "../../integrations/jira/sync/project-mapping.ts";

/**
 * The kind of Jira project the use cases' Epics live in. `team` (Cloud only): the connection has
 * the team-managed NOVA first (the mapping's default project) and the company-managed TETH beside
 * it, so both kinds work side by side in one workspace; `company`: TETH alone, as before.
 */
export type ProjectKind = "company" | "team";

/** The variants the sync and listing suites run over: every flavour, and Cloud's two project kinds. */
export const syncVariants = [
  { flavor: "cloud", kind: "company" },
  { flavor: "cloud", kind: "team" },
  { flavor: "datacenter", kind: "company" },
] as const satisfies readonly { flavor: "cloud" | "datacenter"; kind: ProjectKind }[];

export type SyncFixture = RoleFixture & {
  app: TestApp;
  sim: JiraSim;
  worker: Worker | null;
  jiraBase: string;
  kind: ProjectKind;
  /** Where Epics are created: TETH, or NOVA for `team`. */
  projectKey: string;
  /** The mapping as it applies in `projectKey` (its Epic type, status map and fields). */
  mapping: JiraMapping;
  /** The whole saved mapping (with per-project entries when there are several projects). */
  savedMapping: JiraMapping;
  /** A Jira status id of `projectKey`'s Epic type, by name. */
  jiraStatusId(name: string): string;
  createUseCase(body: Record<string, unknown>): Promise<UseCase>;
  link(useCaseId: string, body: Record<string, unknown>): Promise<{ status: number; body: { link: JiraLink } & { error?: { code: string; message: string } } }>;
  close(): Promise<void>;
};

/**
 * A workspace connected to a fresh simulator (real HTTP), metadata refreshed, Tether ↔ Jira
 * features on, the proposed mapping saved, and (unless told otherwise) a real worker running.
 */
export async function setUpSync(flavor: "cloud" | "datacenter", options: { worker?: boolean; prefix?: string; version?: 9 | 10; kind?: ProjectKind; env?: Record<string, string> } = {}): Promise<SyncFixture> {
  const kind = options.kind ?? "company";
  if (kind === "team" && flavor !== "cloud") throw new Error("team-managed projects exist on Jira Cloud only");
  const projectKeys = kind === "team" ? ["NOVA", "TETH"] : ["TETH"];
  const [app, sim] = await Promise.all([createTestApp({ env: { JIRA_SEARCH_SETTLE_MS: "300", ...options.env } }), startJiraSim({ flavor, seed: "demo", ...(options.version ? { version: options.version } : {}) })]);
  const roles = await setUpRoles(app, options.prefix ?? `sync-${flavor}-${kind}`);
  const jiraBase = `/workspaces/${roles.workspaceId}/integrations/jira`;
  const connection =
    flavor === "cloud"
      ? { kind: "cloud", baseUrl: sim.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys }
      : { kind: "datacenter_pat", baseUrl: sim.url, secret: "sim-pat-ada", projectKeys };
  expect((await roles.admin.client.put(`${jiraBase}/connection`, connection)).status).toBe(200);
  expect((await roles.admin.client.post(`${jiraBase}/metadata/refresh`)).status).toBe(200);
  expect((await roles.admin.client.patch(`${jiraBase}/features`, { toJira: true, fromJira: true, issueListing: true })).status).toBe(200);
  const proposed = await roles.admin.client.get<MappingResponse>(`${jiraBase}/mapping`);
  expect(proposed.status).toBe(200);
  const saved = await roles.admin.client.put<{ mapping: JiraMapping }>(`${jiraBase}/mapping`, proposed.body.mapping);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const worker = options.worker === false ? null : await startWorker(app.deps);
  const projectKey = projectKeys[0]!;
  const mapping = mappingForProject(saved.body.mapping, projectKey);
  const project = sim.control.store.projectByIdOrKey(projectKey)!;
  return {
    ...roles,
    app,
    sim,
    worker,
    jiraBase,
    kind,
    projectKey,
    mapping,
    savedMapping: saved.body.mapping,
    jiraStatusId: (name) => {
      const status = sim.control.store.schemeOf(project.id).statuses.find((candidate) => candidate.name === name);
      if (!status) throw new Error(`no status ${name} in ${projectKey}`);
      return status.id;
    },
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
