import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type CloudPage = { issues: { id: string; key: string }[] };
type DcPage = { total: number; issues: { key: string }[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Cloud search index lag: labels, edits and reconcileIssues", () => {
  let sim: JiraSim;
  let ada: SimClient;
  let issue: { id: string; key: string };
  const lagMs = 1500;
  const search = async (jql: string, reconcileIssues?: number[]) =>
    json<CloudPage>(await ada.post("/rest/api/3/search/jql", { jql, fields: ["labels"], ...(reconcileIssues ? { reconcileIssues } : {}) })).issues.map((found) => found.key);

  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    issue = json<{ id: string; key: string }>(
      await ada.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Lagging", labels: ["old-label"] } }),
    );
  });
  afterAll(() => sim.stop());

  it("finds issues by label once indexed, and sees label edits only after the lag", async () => {
    expect(await search("labels = old-label")).toEqual([issue.key]);
    sim.control.setFaults({ searchIndexLagMs: lagMs });
    expect((await ada.put(`/rest/api/3/issue/${issue.key}`, { update: { labels: [{ add: "tether-linked" }, { remove: "old-label" }] } })).status).toBe(204);
    expect(await search("labels = tether-linked"), "the index has not seen the edit").toEqual([]);
    expect(await search("labels = old-label"), "the index still holds the old labels").toEqual([issue.key]);
    await sleep(lagMs + 100);
    expect(await search("labels = tether-linked")).toEqual([issue.key]);
    expect(await search("labels = old-label")).toEqual([]);
  });

  it("answers reconciled issues fresh while the index lags, new or edited", async () => {
    const created = json<{ id: string; key: string }>(
      await ada.post("/rest/api/3/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Brand new", labels: ["fresh"] } }),
    );
    expect(await search("labels = fresh")).toEqual([]);
    expect(await search("labels = fresh", [Number(created.id)])).toEqual([created.key]);
    await ada.put(`/rest/api/3/issue/${issue.key}`, { fields: { labels: ["fresh"] } });
    expect(await search("labels = fresh", [Number(issue.id)])).toEqual([issue.key]);
    expect(await search("labels = fresh", [Number(issue.id), Number(created.id)])).toEqual(expect.arrayContaining([issue.key, created.key]));
    sim.control.setFaults({ searchIndexLagMs: 0 });
    expect((await search("labels = fresh")).sort()).toEqual([created.key, issue.key].sort());
  });
});

describe("Data Center search sees label edits at once", () => {
  let sim: JiraSim;
  let ada: SimClient;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "datacenter" });
    ada = new SimClient(sim, authFor(sim, "ada"));
  });
  afterAll(() => sim.stop());

  it("matches labels = X right after the edit", async () => {
    const { key } = json<{ key: string }>(await ada.post("/rest/api/2/issue", { fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Labelled" } }));
    expect((await ada.put(`/rest/api/2/issue/${key}`, { fields: { labels: ["dc-label"] } })).status).toBe(204);
    const page = json<DcPage>(await ada.get(`/rest/api/2/search?jql=${encodeURIComponent("labels = dc-label")}`));
    expect(page.issues.map((found) => found.key)).toEqual([key]);
  });
});
