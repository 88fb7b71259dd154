import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, basic, bearer, json, SimClient } from "./testing/sim-client.ts";

type ErrorBody = { errorMessages: string[]; errors: Record<string, string> };

describe("Cloud authentication: Basic email:apiToken only", () => {
  let sim: JiraSim;
  let anonymous: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    anonymous = new SimClient(sim, null);
  });
  afterAll(() => sim.stop());

  it("accepts the right token and answers as that account", async () => {
    const me = await anonymous.as(basic("ada@tether.example", "sim-token-ada")).get("/rest/api/3/myself");
    expect(me.status).toBe(200);
    expect(json(me)).toMatchObject({ displayName: "Ada Admin", emailAddress: "ada@tether.example" });
  });

  it("answers 401 with Jira's body for a wrong token, a username, a Bearer token or no credentials", async () => {
    for (const authorization of [basic("ada@tether.example", "wrong"), basic("ada", "ada-password"), bearer("sim-pat-ada"), "Basic !!!", null]) {
      const response = await anonymous.as(authorization).get("/rest/api/3/myself");
      expect(response.status, String(authorization)).toBe(401);
      expect(json<ErrorBody>(response).errorMessages[0]).toMatch(/not authenticated/i);
    }
  });

  it("lets anonymous callers read serverInfo but not with bad credentials", async () => {
    expect((await anonymous.get("/rest/api/3/serverInfo")).status).toBe(200);
    expect((await anonymous.as(basic("ada@tether.example", "nope")).get("/rest/api/3/serverInfo")).status).toBe(401);
  });

  it("hides issues of projects the user cannot browse behind Jira's 404", async () => {
    const olly = anonymous.as(authFor(sim, "olly"));
    const response = await olly.get("/rest/api/3/issue/TETH-2");
    expect(response.status).toBe(404);
    expect(json<ErrorBody>(response).errorMessages).toEqual(["Issue does not exist or you do not have permission to see it."]);
    expect((await olly.get("/rest/api/3/project/TETH")).status).toBe(404);
  });

  it("refuses writes a browse-only user lacks permission for, the way Jira does", async () => {
    const eve = anonymous.as(authFor(sim, "eve"));
    expect((await eve.get("/rest/api/3/issue/TETH-2")).status).toBe(200);
    const edit = await eve.put("/rest/api/3/issue/TETH-2", { fields: { summary: "Nope" } });
    expect(edit.status).toBe(400);
    expect(json<ErrorBody>(edit).errors.summary).toMatch(/cannot be set/);
    const create = await eve.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "x" } });
    expect(create.status).toBe(400);
    expect(json<ErrorBody>(create).errors.project).toMatch(/permission to create/);
    expect((await eve.delete("/rest/api/3/issue/TETH-2")).status).toBe(403);
    const transitions = await eve.get("/rest/api/3/issue/TETH-2/transitions");
    expect(json<{ transitions: unknown[] }>(transitions).transitions).toEqual([]);
    const report = await eve.get("/rest/api/3/mypermissions?projectKey=TETH&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER");
    expect(json<{ permissions: Record<string, { havePermission: boolean }> }>(report).permissions).toMatchObject({
      BROWSE_PROJECTS: { havePermission: true },
      EDIT_ISSUES: { havePermission: false },
      ADMINISTER: { havePermission: false },
    });
  });

  it("requires ADMINISTER for webhook administration", async () => {
    expect((await anonymous.as(authFor(sim, "ben")).get("/rest/webhooks/1.0/webhook")).status).toBe(403);
    expect((await anonymous.as(authFor(sim, "ada")).get("/rest/webhooks/1.0/webhook")).status).toBe(200);
  });

  it("applies permission changes made through the control API", async () => {
    const eve = anonymous.as(authFor(sim, "eve"));
    const grant = await fetch(`${sim.url}/_sim/permissions`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: "eve", project: "TETH", permissions: ["BROWSE_PROJECTS", "EDIT_ISSUES"] }),
    });
    expect(grant.status).toBe(204);
    expect((await eve.put("/rest/api/3/issue/TETH-2", { fields: { summary: "Eve may edit now" } })).status).toBe(204);
    sim.control.setPermissions("eve", "TETH", []);
    expect((await eve.get("/rest/api/3/issue/TETH-2")).status).toBe(404);
  });
});

describe("Data Center authentication: Bearer PAT and Basic username:password", () => {
  let sim: JiraSim;
  let noBasic: JiraSim;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter" });
    noBasic = await startJiraSim({ flavor: "datacenter", dcBasicAuth: false, control: false });
  });
  afterAll(async () => {
    await sim.stop();
    await noBasic.stop();
  });

  it("accepts a PAT and a username/password, answering with name and key (no accountId)", async () => {
    for (const authorization of [bearer("sim-pat-cara"), basic("cara", "cara-password")]) {
      const me = await new SimClient(sim, authorization).get("/rest/api/2/myself");
      expect(me.status).toBe(200);
      const body = json(me);
      expect(body).toMatchObject({ name: "cara", emailAddress: "cara@tether.example" });
      expect(body.key).toMatch(/^JIRAUSER/);
      expect(body).not.toHaveProperty("accountId");
    }
  });

  it("answers 401 with Seraph's headers for bad credentials, and for an email as username", async () => {
    for (const authorization of [bearer("nope"), basic("cara", "wrong"), basic("cara@tether.example", "sim-token-cara"), null]) {
      const response = await new SimClient(sim, authorization).get("/rest/api/2/myself");
      expect(response.status, String(authorization)).toBe(401);
      if (authorization) expect(response.headers.get("x-seraph-loginreason")).toBe("AUTHENTICATED_FAILED");
    }
  });

  it("refuses Basic when the instance has it disabled, while PATs keep working", async () => {
    const refused = await new SimClient(noBasic, basic("cara", "cara-password")).get("/rest/api/2/myself");
    expect(refused.status).toBe(401);
    expect(json<ErrorBody>(refused).errorMessages[0]).toMatch(/Basic Authentication has been disabled/);
    expect((await new SimClient(noBasic, bearer("sim-pat-cara")).get("/rest/api/2/myself")).status).toBe(200);
  });

  it("mounts the control API only when enabled, and never under /rest", async () => {
    expect((await fetch(`${noBasic.url}/_sim/health`)).status).toBe(404);
    expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
    expect((await fetch(`${sim.url}/rest/_sim/health`, { headers: { authorization: bearer("sim-pat-ada") } })).status).toBe(404);
  });

  it("returns all permissions without a permissions parameter (Data Center does not require it)", async () => {
    const report = await new SimClient(sim, bearer("sim-pat-ada")).get("/rest/api/2/mypermissions?projectKey=TETH");
    expect(report.status).toBe(200);
    expect(json<{ permissions: Record<string, { havePermission: boolean }> }>(report).permissions.ADMINISTER?.havePermission).toBe(true);
  });
});
