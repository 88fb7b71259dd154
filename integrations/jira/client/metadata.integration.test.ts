import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import { createJiraClient } from "./factory.ts";
import type { JiraClient } from "./jira-client.ts";
import { clientFor, collect, connectionFor, fastDeps, type Flavor, startSim } from "./testing/sim-clients.ts";

const required = ["BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "TRANSITION_ISSUES", "LINK_ISSUES", "ASSIGN_ISSUES"];

describe.each<Flavor>(["cloud", "datacenter"])("metadata pulls against the %s simulator", (flavor) => {
  let sim: JiraSim;
  let ada: JiraClient;

  beforeAll(async () => {
    sim = await startSim(flavor);
    ada = clientFor(sim, "ada");
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("reads server info and the account", async () => {
    const info = await ada.serverInfo();
    expect(info.deploymentType).toBe(flavor === "cloud" ? "Cloud" : "Server");
    expect(info.versionNumbers.length).toBeGreaterThan(0);
    const me = await ada.myself();
    expect(me.displayName).toBe("Ada Admin");
    expect(me.idKind).toBe(flavor === "cloud" ? "accountId" : "name");
    if (flavor === "datacenter") expect(me.id).toBe("ada");
  });

  it("reports permissions, including what a restricted user lacks", async () => {
    const eve = clientFor(sim, "eve");
    const checks = await eve.myPermissions(["TETH"], required);
    expect(checks.find((c) => c.permission === "BROWSE_PROJECTS")?.granted).toBe(true);
    expect(checks.find((c) => c.permission === "CREATE_ISSUES")?.granted).toBe(false);
    expect(checks.every((c) => c.projectKey === "TETH")).toBe(true);
    const adminCheck = async (client: JiraClient) => (await client.myPermissions([], ["ADMINISTER"]))[0]?.granted;
    expect(await adminCheck(ada)).toBe(true);
    expect(await adminCheck(clientFor(sim, "ben"))).toBe(false);
  });

  it("a project the user cannot see is NOT_FOUND", async () => {
    await expect(clientFor(sim, "eve").getProject("PLAT")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("lists projects, issue types and finds the Epic type", async () => {
    const projects = await collect(ada.listProjects());
    // The Cloud demo site also has a team-managed project.
    expect(projects.map((p) => p.key).sort()).toEqual(flavor === "cloud" ? ["NOVA", "PLAT", "TETH"] : ["PLAT", "TETH"]);
    expect((await ada.getProject("TETH")).name).toBe("Tether Demo");
    const types = await ada.issueTypesForProject("TETH");
    expect(types.length).toBeGreaterThan(2);
    const epic = await ada.epicIssueType("TETH");
    expect(epic?.hierarchyLevel).toBe(1);
    expect(types.some((t) => t.subtask && t.hierarchyLevel === -1)).toBe(true);
  });

  it("finds the custom fields Tether maps by schema", async () => {
    const roles = await ada.fieldRoles();
    expect(roles.storyPoints).toMatch(/^customfield_/);
    expect(roles.sprint).toMatch(/^customfield_/);
    if (flavor === "datacenter") {
      expect(roles.epicLink).toMatch(/^customfield_/);
      expect(roles.epicName).toMatch(/^customfield_/);
    } else {
      expect(roles.epicLink).toBeNull();
    }
  });

  it("reads statuses, project statuses, link types and users", async () => {
    const statuses = await ada.statuses();
    expect(statuses.map((s) => s.categoryKey)).toEqual(expect.arrayContaining(["new", "indeterminate", "done"]));
    const perType = await ada.projectStatuses("TETH");
    // The site's list also holds team-managed projects' own statuses; TETH uses the shared ones.
    expect(statuses.map((s) => s.id)).toEqual(expect.arrayContaining(perType[0]?.statuses.map((s) => s.id) ?? ["missing"]));
    expect(perType[0]?.statuses.length).toBe(4);
    expect((await ada.listIssueLinkTypes()).map((t) => t.name)).toContain("Blocks");
    const users = await ada.searchUsers("cara");
    expect(users[0]?.displayName).toBe("Cara Coder");
  });

  it("reads priorities", async () => {
    const priorities = await ada.priorities();
    expect(priorities.length).toBeGreaterThan(2);
  });

  it("reads transitions with their screen fields", async () => {
    const [issue] = await collect(ada.searchIssues('project = TETH AND status = "In Review"', { pageSize: 1 }));
    if (!issue) throw new Error("demo site has no issue in review");
    const transitions = await ada.getTransitions(issue.key, { expandFields: true });
    const done = transitions.find((t) => t.to.name === "Done");
    expect(done?.fields.find((f) => f.id === "resolution")?.required).toBe(true);
  });

  it("streams boards and sprints", async () => {
    const boards = await collect(ada.boardsForProject("TETH"));
    expect(boards).toHaveLength(1);
    const sprints = await collect(ada.sprintsForBoard(boards[0]?.id ?? 0));
    expect(sprints.map((s) => s.state)).toEqual(expect.arrayContaining(["closed", "active", "future"]));
    const active = await collect(ada.sprintsForBoard(boards[0]?.id ?? 0, { states: ["active"] }));
    expect(active.every((s) => s.state === "active")).toBe(true);
  });

  it("says UNAUTHORIZED for a wrong token, without echoing it", async () => {
    const connection = connectionFor(sim, "ada");
    const wrong =
      connection.flavor === "cloud"
        ? { ...connection, auth: { ...connection.auth, apiToken: "wrong-token-123" } }
        : { ...connection, auth: { kind: "pat" as const, token: "wrong-token-123" } };
    const error = await createJiraClient(wrong, fastDeps()).myself().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(JSON.stringify(error) + String(error)).not.toContain("wrong-token-123");
  });
});

describe("auth modes", () => {
  it("Data Center: Bearer PAT and basic username+password reach the same account", async () => {
    const sim = await startSim("datacenter");
    try {
      expect((await clientFor(sim, "ben", fastDeps(), "pat").myself()).id).toBe("ben");
      expect((await clientFor(sim, "ben", fastDeps(), "basic").myself()).id).toBe("ben");
    } finally {
      await sim.stop();
    }
  });

  it("Cloud scoped token: discovers the cloudId and goes through the simulator's gateway", async () => {
    const sim = await startSim("cloud");
    try {
      sim.control.addScopedApiToken("ben", "sim-scoped-token-ben");
      const ben = sim.control.users().find((u) => u.name === "ben");
      if (!ben) throw new Error("no ben");
      const client = createJiraClient(
        { flavor: "cloud", siteUrl: sim.url, gatewayUrl: sim.url, auth: { kind: "scoped-token", email: ben.email, apiToken: "sim-scoped-token-ben" } },
        fastDeps(),
      );
      sim.control.clearRequestLog();
      expect((await client.myself()).displayName).toBe("Ben Builder");
      expect(await collect(client.listProjects())).toHaveLength(3);
      // The log records API requests (tenant_info is not one); each went through the gateway.
      const log = sim.control.requestLog();
      expect(log.map((r) => `${r.via} ${r.path}`)).toEqual(["gateway /rest/api/3/myself", "gateway /rest/api/3/project/search"]);
    } finally {
      await sim.stop();
    }
  });
});
