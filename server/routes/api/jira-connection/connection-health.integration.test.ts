import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionTestResult } from "../../../../common/contracts/jira-connection.ts";
import type { ConnectionHealth } from "../../../../common/contracts/jira-health.ts";
import { startJiraSim } from "../../../../sim/jira/index.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { type RoleFixture, setUpRoles } from "../use-cases/test-fixtures.ts";

type Sim = Awaited<ReturnType<typeof startJiraSim>>;

/** The connection's stored health, and the test's wording for missing permissions and unknown projects. */
describe("Jira connection health and test wording", () => {
  let app: TestApp;
  let f: RoleFixture;
  let sim: Sim;
  let path: string;
  beforeAll(async () => {
    [app, sim] = await Promise.all([createTestApp(), startJiraSim({ flavor: "cloud", seed: "demo" })]);
    f = await setUpRoles(app, "health");
    path = `/workspaces/${f.workspaceId}/integrations/jira`;
  });
  afterAll(async () => {
    await Promise.all([app?.close(), sim?.stop()]);
  });

  const save = (body: Record<string, unknown>) => f.admin.client.put(`${path}/connection`, { kind: "cloud", baseUrl: sim.url, ...body });
  const test = async () => (await f.admin.client.post<{ test: ConnectionTestResult }>(`${path}/connection/test`)).body.test;
  const health = async () => (await f.member.client.get<{ health: ConnectionHealth }>(`${path}/health`)).body.health;

  it("follows the stored test: not connected → untested → broken (wrong token) → ok, readable by Members", async () => {
    expect((await health()).state).toBe("not_connected");
    expect((await save({ accountName: "ada@tether.example", secret: "wrong-token", projectKeys: ["TETH"] })).status).toBe(200);
    expect(await health()).toMatchObject({ state: "untested", checkedAt: null });
    const failed = await test();
    expect(failed.ok).toBe(false);
    const broken = await health();
    expect(broken).toMatchObject({ state: "broken", checkedAt: failed.checkedAt });
    expect(broken.reason).toBe(failed.problems[0]?.message);
    // Reading the health never calls Jira: the simulator sees no request for it.
    const requestsBefore = sim.control.requestLog().length;
    await health();
    expect(sim.control.requestLog().length).toBe(requestsBefore);
    await save({ accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] });
    expect((await test()).ok).toBe(true);
    expect(await health()).toMatchObject({ state: "ok", reason: null });
    expect((await f.visitor.client.get(`${path}/health`)).status).toBe(403);
  });

  it("names missing permissions by their Jira names in the summary", async () => {
    await save({ accountName: "eve@tether.example", secret: "sim-token-eve", projectKeys: ["TETH"] });
    const result = await test();
    const problem = result.problems.find((p) => p.code === "missing_permissions");
    expect(problem?.message).toContain("Create Issues (CREATE_ISSUES)");
    expect(problem?.message).toContain("Edit Issues (EDIT_ISSUES)");
  });

  it("an unknown project is one 'not found' line, not a column of missing permissions", async () => {
    await save({ accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH", "TETX"] });
    const result = await test();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["project_not_found"]);
    expect(result.problems[0]?.message).toMatch(/^Project TETX not found/);
    expect(result.permissions?.projects.map((p) => [p.projectKey, p.notFound ?? false])).toEqual([
      ["TETH", false],
      ["TETX", true],
    ]);
    expect(result.permissions?.ready).toBe(false);
  });

  it("saving the same connection again keeps the cached metadata", async () => {
    await save({ accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] });
    const refreshed = await f.admin.client.post<{ fetchedAt: string | null }>(`${path}/metadata/refresh`);
    expect(refreshed.status).toBe(200);
    expect((await save({ accountName: "ada@tether.example", projectKeys: ["TETH"] })).status).toBe(200);
    const metadata = await f.admin.client.get<{ fetchedAt: string | null }>(`${path}/metadata`);
    expect(metadata.body.fetchedAt).toBe(refreshed.body.fetchedAt);
  });
});
