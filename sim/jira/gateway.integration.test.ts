import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { JiraOpenApi, OPENAPI_DOCUMENTS, openApiDirectory, requireShared, skipWithoutShared } from "./testing/openapi-validator.ts";
import { basic, bearer, json, type SimResponse } from "./testing/sim-client.ts";

const directory = openApiDirectory();
const skipConformance = skipWithoutShared(directory, OPENAPI_DOCUMENTS);
const cloudId = "3f2b1c0e-7a6d-4e5f-9a8b-0c1d2e3f4a5b";
const adaScoped = basic("ada@tether.example", "sim-scoped-token-ada");
const adaClassic = basic("ada@tether.example", "sim-token-ada");

async function call(url: string, authorization: string | null, init: { method?: string; body?: unknown } = {}): Promise<SimResponse> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  const body = text !== "" && (response.headers.get("content-type") ?? "").includes("json") ? (JSON.parse(text) as unknown) : null;
  return { status: response.status, headers: response.headers, body, text };
}

describe("Cloud scoped API tokens: tenant_info and the /ex/jira/{cloudId} gateway", () => {
  let sim: JiraSim;
  let gateway: string;
  const spec = directory ? new JiraOpenApi(directory) : null;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud", cloudId });
    gateway = `${sim.url}/ex/jira/${cloudId}`;
  });
  afterAll(() => sim.stop());

  it("publishes the cloudId at /_edge/tenant_info without credentials", async () => {
    expect(sim.cloudId).toBe(cloudId);
    const info = await call(`${sim.url}/_edge/tenant_info`, null);
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ cloudId });
  });

  it("picks a fresh cloudId per simulator unless one is given", async () => {
    const other = await startJiraSim({ flavor: "cloud", control: false });
    try {
      expect(other.cloudId).toMatch(/^[0-9a-f-]{36}$/);
      expect(other.cloudId).not.toBe(cloudId);
      expect(json(await call(`${other.url}/_edge/tenant_info`, null))).toEqual({ cloudId: other.cloudId });
    } finally {
      await other.stop();
    }
  });

  it("serves the REST API through the gateway to a scoped token, in the documented shapes", async () => {
    const me = await call(`${gateway}/rest/api/3/myself`, adaScoped);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: "Ada Admin", emailAddress: "ada@tether.example" });
    const created = await call(`${gateway}/rest/api/3/issue`, adaScoped, { method: "POST", body: { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Through the gateway" } } });
    expect(created.status).toBe(201);
    const key = json<{ key: string }>(created).key;
    const search = await call(`${gateway}/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${key}`)}&fields=summary`, adaScoped);
    expect(json<{ issues: { key: string; fields: { summary: string } }[] }>(search).issues).toMatchObject([{ key, fields: { summary: "Through the gateway" } }]);
    const board = await call(`${gateway}/rest/agile/1.0/board?projectKeyOrId=TETH`, adaScoped);
    expect(board.status).toBe(200);
    expect(sim.control.requestLog().slice(-4).map((entry) => `${entry.via} ${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      "gateway GET /rest/api/3/myself 200",
      "gateway POST /rest/api/3/issue 201",
      "gateway GET /rest/api/3/search/jql 200",
      "gateway GET /rest/agile/1.0/board 200",
    ]);
    if (!skipConformance) {
      // Present, or required (TETHER_REQUIRE_SHARED=1) and then missing documents fail here.
      const documents = spec ?? new JiraOpenApi(requireShared(directory, OPENAPI_DOCUMENTS));
      for (const [path, exchange] of [["/rest/api/3/myself", me], ["/rest/api/3/issue", created], ["/rest/api/3/search/jql", search], ["/rest/agile/1.0/board", board]] as const) {
        const checked = documents.validateResponse(path === "/rest/api/3/issue" ? "POST" : "GET", path, exchange.status, exchange.body);
        expect(checked.documented, path).toBe(true);
        expect(checked.ok, `${path}: ${checked.ok ? "" : checked.errors}`).toBe(true);
      }
    }
  });

  it("refuses a scoped token on the site URL with 401, as Cloud does", async () => {
    const refused = await call(`${sim.url}/rest/api/3/myself`, adaScoped);
    expect(refused.status).toBe(401);
    expect(json<{ errorMessages: string[] }>(refused).errorMessages.length).toBeGreaterThan(0);
    expect((await call(`${sim.url}/rest/api/3/myself`, adaClassic)).status).toBe(200);
  });

  it("lets only scoped tokens through the gateway: classic tokens, bad and missing credentials get the gateway's 401", async () => {
    for (const authorization of [adaClassic, basic("ada@tether.example", "wrong"), bearer("sim-scoped-token-ada"), null]) {
      const refused = await call(`${gateway}/rest/api/3/myself`, authorization);
      expect(refused.status, String(authorization)).toBe(401);
      expect(refused.body).toEqual({ code: 401, message: "Unauthorized" });
    }
  });

  it("answers 404 for another cloudId, and routes nothing but /rest through the gateway", async () => {
    expect((await call(`${sim.url}/ex/jira/00000000-0000-4000-8000-000000000000/rest/api/3/myself`, adaScoped)).status).toBe(404);
    expect((await call(`${gateway}/_sim/health`, adaScoped)).status).toBe(404);
    expect((await call(`${gateway}/rest/api/3/definitely/not/a/route`, adaScoped)).status).toBe(404);
  });

  it("adds scoped tokens through the control API; the demo seed gives Ada one", async () => {
    expect(sim.control.users().find((user) => user.name === "ada")?.scopedApiToken).toBe("sim-scoped-token-ada");
    const added = await fetch(`${sim.url}/_sim/users/cara/scoped-tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: "cara-scoped" }) });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ name: "cara", apiToken: "sim-token-cara", scopedApiToken: "cara-scoped" });
    const cara = basic("cara@tether.example", "cara-scoped");
    expect(json(await call(`${gateway}/rest/api/3/myself`, cara))).toMatchObject({ displayName: "Cara Coder" });
    expect((await call(`${sim.url}/rest/api/3/myself`, cara)).status).toBe(401);
    const reuse = await fetch(`${sim.url}/_sim/users/cara/scoped-tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: "sim-token-cara" }) });
    expect(reuse.status).toBe(400);
  });

  it("keeps scoped tokens in snapshots", async () => {
    const snapshot = sim.control.snapshot();
    expect(snapshot.users.find((user) => user.name === "ada")?.scopedApiTokens).toEqual(["sim-scoped-token-ada"]);
  });
});

describe("Data Center has no tenant_info and no gateway", () => {
  let sim: JiraSim;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter" });
  });
  afterAll(() => sim.stop());

  it("answers 404 for both", async () => {
    expect(sim.cloudId).toBeNull();
    expect((await call(`${sim.url}/_edge/tenant_info`, null)).status).toBe(404);
    expect((await call(`${sim.url}/ex/jira/anything/rest/api/2/myself`, bearer("sim-pat-ada"))).status).toBe(404);
  });
});
