import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type CloudPage = { issues: { id: string; key?: string }[]; nextPageToken?: string; isLast: boolean };
type DcPage = { startAt: number; maxResults: number; total: number; issues: { key: string }[] };

describe("Cloud search paging with nextPageToken", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud", seed: "empty" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    sim.control.seedIssues(230);
  });
  afterAll(() => sim.stop());

  it("walks every issue exactly once with opaque tokens and no total", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: "project = TETH ORDER BY key ASC", fields: ["summary"], maxResults: 100, ...(token ? { nextPageToken: token } : {}) }));
      expect(page).not.toHaveProperty("total");
      seen.push(...page.issues.map((issue) => issue.key ?? ""));
      token = page.nextPageToken;
      expect(page.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(230);
    expect(seen[0]).toBe("TETH-1");
  });

  it("serves at most 100 issues per page with fields, thousands when only ids are asked for", async () => {
    const withFields = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: "project = TETH", fields: ["summary"], maxResults: 500 }));
    expect(withFields.issues).toHaveLength(100);
    const idsOnly = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: "project = TETH", maxResults: 500 }));
    expect(idsOnly.issues).toHaveLength(230);
    expect(idsOnly.isLast).toBe(true);
  });

  it("rejects a token from another query", async () => {
    const first = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: "project = TETH", maxResults: 10 }));
    const response = await ada.post("/rest/api/3/search/jql", { jql: "project = PLAT", nextPageToken: first.nextPageToken });
    expect(response.status).toBe(400);
  });

  it("can lag behind writes like Cloud's index (searchIndexLagMs)", async () => {
    sim.control.setFaults({ searchIndexLagMs: 60_000 });
    const created = sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Fresh" });
    const page = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: `key = ${created.key}`, maxResults: 10 }));
    expect(page.issues).toHaveLength(0);
    sim.control.setFaults({ searchIndexLagMs: 0 });
    const later = json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql: `key = ${created.key}`, maxResults: 10 }));
    expect(later.issues).toHaveLength(1);
  });
});

describe("Data Center search paging with startAt/total", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter", seed: "empty" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    sim.control.seedIssues(1205);
  });
  afterAll(() => sim.stop());

  it("pages by startAt with a total, capping maxResults at 1000", async () => {
    const first = json<DcPage>(await ada.get("/rest/api/2/search?jql=project%3DTETH%20ORDER%20BY%20key%20ASC&maxResults=5000&fields=summary"));
    expect(first).toMatchObject({ startAt: 0, maxResults: 1000, total: 1205 });
    expect(first.issues).toHaveLength(1000);
    const second = json<DcPage>(await ada.get("/rest/api/2/search?jql=project%3DTETH%20ORDER%20BY%20key%20ASC&startAt=1000&maxResults=1000&fields=summary"));
    expect(second.issues).toHaveLength(205);
    expect(new Set([...first.issues, ...second.issues].map((issue) => issue.key)).size).toBe(1205);
  });

  it("returns Jira's JQL errors as 400", async () => {
    const response = await ada.get(`/rest/api/2/search?jql=${encodeURIComponent("nosuchfield = 1")}`);
    expect(response.status).toBe(400);
    expect(json<{ errorMessages: string[] }>(response).errorMessages[0]).toMatch(/nosuchfield/);
  });
});
