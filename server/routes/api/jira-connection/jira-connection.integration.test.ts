import { JiraMetadata } from "../../../../common/contracts/jira-metadata.ts";
import { readJiraMetadata } from "../../../models/jira-metadata.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionTestResult, JiraConnection } from "../../../../common/contracts/jira-connection.ts";
import { startJiraSim } from "../../../../sim/jira/index.ts";
import { setUpRoles, type RoleFixture } from "../use-cases/test-fixtures.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";

type Sim = Awaited<ReturnType<typeof startJiraSim>>;
type ConnectionBody = { connection: JiraConnection | null };
type TestBody = { test: ConnectionTestResult };

/** The workspace's Jira connection against the simulator over real HTTP, both flavours, every auth mode. */
describe("Jira connection", () => {
  let app: TestApp;
  let fixture: RoleFixture;
  let cloud: Sim;
  let datacenter: Sim;
  let path: string;
  beforeAll(async () => {
    [app, cloud, datacenter] = await Promise.all([
      createTestApp(),
      startJiraSim({ flavor: "cloud", seed: "demo" }),
      startJiraSim({ flavor: "datacenter", seed: "demo" }),
    ]);
    fixture = await setUpRoles(app, "jira");
    path = `/workspaces/${fixture.workspaceId}/integrations/jira/connection`;
  });
  afterAll(async () => {
    await Promise.all([app?.close(), cloud?.stop(), datacenter?.stop()]);
  });

  const save = (body: Record<string, unknown>) => fixture.admin.client.put<ConnectionBody>(path, body);
  const test = () => fixture.admin.client.post<TestBody>(`${path}/test`);

  it("saves a Cloud connection without ever returning or storing the token in clear", async () => {
    const saved = await save({ kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] });
    expect(saved.status).toBe(200);
    expect(saved.body.connection).toMatchObject({ kind: "cloud", secret: { set: true, lastFour: "-ada" }, projectKeys: ["TETH"] });
    expect(JSON.stringify(saved.body)).not.toContain("sim-token-ada");
    const row = await app.deps.db.selectFrom("jira_connections").select("secret_ciphertext").executeTakeFirstOrThrow();
    expect(row.secret_ciphertext).not.toContain("sim-token-ada");
    const read = await fixture.moderator.client.get<ConnectionBody>(path);
    expect(JSON.stringify(read.body)).not.toContain("sim-token-ada");
  });

  it("tests a Cloud connection: server, account, deployment and a full permission report", async () => {
    const result = await test();
    expect(result.status).toBe(200);
    expect(result.body.test).toMatchObject({ ok: true, reachable: true, problems: [] });
    expect(result.body.test.serverInfo?.deploymentType).toBe("Cloud");
    expect(result.body.test.account?.displayName).toBe("Ada Admin");
    expect(result.body.test.permissions?.ready).toBe(true);
    expect(result.body.test.permissions?.administer.granted).toBe(true);
    // Cached on the connection until the next test.
    const read = await fixture.admin.client.get<ConnectionBody>(path);
    expect(read.body.connection?.lastTest?.checkedAt).toBe(result.body.test.checkedAt);
    expect(read.body.connection?.deploymentType).toBe("Cloud");
  });

  it("warns before a token's known expiry date, and fails after it", async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const body = { kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] };
    const saved = await save({ ...body, secretExpiresOn: inDays(5) });
    expect(saved.body.connection?.secret.expiresOn).toBe(inDays(5));
    const soon = (await test()).body.test;
    expect(soon.ok).toBe(true);
    expect(soon.problems.map((p) => p.code)).toEqual(["token_expiring"]);
    expect(soon.tokenExpiresAt?.slice(0, 10)).toBe(inDays(5));
    await save({ ...body, secretExpiresOn: inDays(-1) });
    const expired = (await test()).body.test;
    expect(expired.ok).toBe(false);
    expect(expired.problems[0]?.code).toBe("token_expired");
    // A new secret without a date forgets the old token's expiry.
    expect((await save(body)).body.connection?.secret.expiresOn).toBeNull();
  });

  it("explains each missing permission for an account that lacks them", async () => {
    await save({ kind: "cloud", baseUrl: cloud.url, accountName: "eve@tether.example", secret: "sim-token-eve", projectKeys: ["TETH"] });
    const result = (await test()).body.test;
    expect(result.ok).toBe(false);
    const project = result.permissions?.projects[0];
    expect(project?.missingRequired).toEqual(expect.arrayContaining(["CREATE_ISSUES", "EDIT_ISSUES", "TRANSITION_ISSUES"]));
    expect(project?.missingRequired).not.toContain("BROWSE_PROJECTS");
    const create = project?.findings.find((f) => f.permission === "CREATE_ISSUES");
    expect(create?.explanation).toContain("“Create Issues”");
    expect(result.permissions?.administer.granted).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain("missing_permissions");
  });

  it("says the token was rejected, not a bare 401, and keeps the stored secret when none is given", async () => {
    await save({ kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "wrong-token", projectKeys: ["TETH"] });
    const result = (await test()).body.test;
    expect(result.reachable).toBe(true);
    expect(result.problems[0]?.code).toBe("jira_unauthorized");
    expect(result.problems[0]?.message).toMatch(/expired/);
    const keep = await save({ kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", projectKeys: ["TETH", "PLAT"] });
    expect(keep.body.connection?.secret.lastFour).toBe("oken");
  });

  it("asks for the secret again before it is used with another host, kind or account", async () => {
    const body = { kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] };
    await save(body);
    const { secret: _kept, ...withoutSecret } = body;
    for (const change of [{ baseUrl: "http://127.0.0.1:9/attacker" }, { kind: "cloud_scoped" }, { accountName: "eve@tether.example" }]) {
      const refused = await fixture.moderator.client.put(path, { ...withoutSecret, ...change });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: "validation_failed", details: [{ path: "secret" }] } });
    }
    const read = await fixture.admin.client.get<ConnectionBody>(path);
    expect(read.body.connection).toMatchObject({ baseUrl: cloud.url, kind: "cloud", accountName: "ada@tether.example" });
    // With the secret given again, the change is fine.
    expect((await fixture.moderator.client.put(path, { ...body, accountName: "eve@tether.example", secret: "sim-token-eve" })).status).toBe(200);
  });

  it("connects with a Cloud scoped token through the API gateway, discovering the cloudId", async () => {
    const scoped = await createTestApp({ env: { JIRA_CLOUD_GATEWAY_URL: cloud.url } });
    try {
      const admin = (await setUpRoles(scoped, "scoped")).admin;
      const workspace = (await admin.client.get<{ workspaces: { id: string }[] }>("/workspaces")).body.workspaces[0]?.id;
      const scopedPath = `/workspaces/${workspace}/integrations/jira/connection`;
      const body = { kind: "cloud_scoped", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "sim-scoped-token-ada", projectKeys: ["TETH"] };
      expect((await admin.client.put(scopedPath, body)).status).toBe(200);
      const result = (await admin.client.post<TestBody>(`${scopedPath}/test`)).body.test;
      expect(result).toMatchObject({ ok: true, problems: [] });
      expect(cloud.control.requestLog().some((r) => r.via === "gateway")).toBe(true);
      // The same scoped token on the site URL is refused, as on real Cloud.
      await admin.client.put(scopedPath, { ...body, kind: "cloud" });
      expect((await admin.client.post<TestBody>(`${scopedPath}/test`)).body.test.problems[0]?.code).toBe("jira_unauthorized");
    } finally {
      await scoped.close();
    }
  });

  it("connects to Data Center with a Personal Access Token and with username + password", async () => {
    await save({ kind: "datacenter_pat", baseUrl: datacenter.url, secret: "sim-pat-ada", projectKeys: ["TETH"] });
    const pat = (await test()).body.test;
    expect(pat).toMatchObject({ ok: true, problems: [] });
    expect(pat.serverInfo?.deploymentType).not.toBe("Cloud");
    await save({ kind: "datacenter_basic", baseUrl: datacenter.url, accountName: "ada", secret: "ada-password", projectKeys: ["TETH"] });
    expect((await test()).body.test).toMatchObject({ ok: true });
  });

  it("refuses a deployment mismatch with a message saying which kind to choose", async () => {
    await save({ kind: "cloud", baseUrl: datacenter.url, accountName: "ada", secret: "ada-password", projectKeys: ["TETH"] });
    const result = (await test()).body.test;
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain("deployment_mismatch");
    const pat = await save({ kind: "datacenter_pat", baseUrl: "https://acme.atlassian.net", secret: "x", projectKeys: ["TETH"] });
    expect(pat.status).toBe(400);
    expect((pat.body as unknown as { error: { message: string } }).error.message).toContain("Jira Cloud site");
  });

  it("reports an unreachable Jira as a problem with advice, never a 500", async () => {
    await save({ kind: "datacenter_pat", baseUrl: "http://127.0.0.1:9", secret: "x", projectKeys: ["TETH"] });
    const result = await test();
    expect(result.status).toBe(200);
    expect(result.body.test).toMatchObject({ ok: false, reachable: false });
    expect(result.body.test.problems[0]?.code).toBe("jira_unreachable");
  });

  it("pulls and caches metadata: projects, epic type, custom fields, statuses, boards and sprints", async () => {
    await save({ kind: "cloud", baseUrl: cloud.url, accountName: "ada@tether.example", secret: "sim-token-ada", projectKeys: ["TETH"] });
    const refreshed = await fixture.admin.client.post<{ metadata: Record<string, unknown> }>(`/workspaces/${fixture.workspaceId}/integrations/jira/metadata/refresh`);
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    const cached = await fixture.moderator.client.get<{ fetchedAt: string; metadata: JiraMetadata }>(`/workspaces/${fixture.workspaceId}/integrations/jira/metadata`);
    // The typed contract holds for what was cached, and the server-side reader returns the same.
    const metadata = JiraMetadata.parse(cached.body.metadata);
    expect(cached.body.fetchedAt).toBe(metadata.fetchedAt);
    const connection = await app.deps.db.selectFrom("jira_connections").select("id").executeTakeFirstOrThrow();
    expect(await readJiraMetadata(app.deps.db, connection.id)).toEqual(metadata);
    expect(metadata.fields.find((f) => f.id === metadata.fieldRoles.storyPoints)?.schema?.type).toBe("number");
    expect(metadata.projects).toEqual(expect.arrayContaining([expect.objectContaining({ key: "TETH" })]));
    expect(metadata.fieldRoles).toMatchObject({ storyPoints: expect.any(String) });
    const project = metadata.projectDetails.TETH;
    expect(project?.issueTypes.find((t) => t.id === project.epicTypeId)?.hierarchyLevel).toBe(1);
    expect(project?.issueTypes.find((t) => t.id === project.epicTypeId)?.name).toBe("Epic");
    expect(project?.boards.length).toBeGreaterThan(0);
    // Data minimisation: no issues are cached (the demo site has dozens of TETH-n issues).
    expect(JSON.stringify(metadata)).not.toMatch(/TETH-\d+/);
    // Another site makes the cache someone else's: it is dropped with the change.
    await save({ kind: "datacenter_pat", baseUrl: datacenter.url, secret: "sim-pat-ada", projectKeys: ["TETH"] });
    const afterMove = await fixture.admin.client.get<{ fetchedAt: string | null; metadata: Record<string, unknown> }>(
      `/workspaces/${fixture.workspaceId}/integrations/jira/metadata`,
    );
    expect(afterMove.body).toEqual({ fetchedAt: null, metadata: null });
  });

  it("re-checks permissions when Jira refuses a metadata pull, so the report shows what was lost", async () => {
    await save({ kind: "cloud", baseUrl: cloud.url, accountName: "ben@tether.example", secret: "sim-token-ben", projectKeys: ["TETH"] });
    expect((await test()).body.test.permissions?.ready).toBe(true);
    cloud.control.setPermissions("ben", "TETH", []);
    const refreshed = await fixture.admin.client.post(`/workspaces/${fixture.workspaceId}/integrations/jira/metadata/refresh`);
    expect(refreshed.status).toBe(502);
    expect(refreshed.body).toMatchObject({ error: { code: "jira_failed" } });
    const after = await fixture.admin.client.get<ConnectionBody>(path);
    expect(after.body.connection?.lastTest?.permissions?.projects[0]?.missingRequired).toContain("BROWSE_PROJECTS");
  });

  it("only Admins and Moderators see or change the connection", async () => {
    expect((await fixture.member.client.get(path)).status).toBe(403);
    expect((await fixture.visitor.client.get(path)).status).toBe(403);
    expect((await fixture.outsider.client.get(path)).status).toBe(404);
    expect((await fixture.member.client.put(path, { kind: "cloud", baseUrl: cloud.url, accountName: "x@y.z", secret: "s", projectKeys: ["TETH"] })).status).toBe(403);
  });

  it("switches features on separately; only Admins activate, Visitors see nothing", async () => {
    const features = `/workspaces/${fixture.workspaceId}/integrations/jira/features`;
    expect((await fixture.member.client.get(features)).body).toEqual({ features: { toJira: false, fromJira: false, issueListing: false, planning: false } });
    const on = await fixture.admin.client.patch(features, { toJira: true, issueListing: true });
    expect(on.body).toEqual({ features: { toJira: true, fromJira: false, issueListing: true, planning: false } });
    expect((await fixture.moderator.client.patch(features, { fromJira: true })).status).toBe(403);
    expect((await fixture.visitor.client.get(features)).status).toBe(403);
    const off = await fixture.admin.client.patch(features, { toJira: false });
    expect(off.body).toEqual({ features: { toJira: false, fromJira: false, issueListing: true, planning: false } });
  });

  it("removes the connection and its cache", async () => {
    expect((await fixture.admin.client.delete(path)).status).toBe(204);
    expect((await fixture.admin.client.get<ConnectionBody>(path)).body.connection).toBeNull();
    expect(await app.deps.db.selectFrom("jira_metadata").selectAll().execute()).toEqual([]);
    expect((await fixture.admin.client.post(`${path}/test`)).status).toBe(409);
  });
});
