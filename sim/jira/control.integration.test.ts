import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, basic, json, SimClient } from "./testing/sim-client.ts";

const control = async (sim: JiraSim, method: string, route: string, body?: unknown) => {
  const response = await fetch(`${sim.url}/_sim${route}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
};

describe("the control API", () => {
  let sim: JiraSim;
  let ada: SimClient;
  let directory: string;
  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    directory = mkdtempSync(path.join(os.tmpdir(), "jira-sim-"));
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("edits 'as a Jira user': changelog, updated and a webhook event, like a real edit", async () => {
    const created = await control(sim, "POST", "/issues", { as: "cara", fields: { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Made in Jira" } });
    expect(created.status).toBe(201);
    const key = (created.body as { key: string }).key;
    expect((await control(sim, "PUT", `/issues/${key}`, { as: "dan", fields: { summary: "Renamed in Jira" } })).status).toBe(204);
    expect((await control(sim, "POST", `/issues/${key}/transitions`, { as: "dan", toStatus: "In Progress" })).status).toBe(204);
    const issue = json<{ fields: { summary: string; status: { name: string }; creator: { displayName: string } }; changelog: { histories: unknown[] } }>(
      await ada.get(`/rest/api/3/issue/${key}?fields=summary,status,creator&expand=changelog`),
    );
    expect(issue.fields).toMatchObject({ summary: "Renamed in Jira", status: { name: "In Progress" }, creator: { displayName: "Cara Coder" } });
    expect(issue.changelog.histories).toHaveLength(2);
    const events = sim.control.webhookEvents().filter((event) => (event.issue as { key: string }).key === key);
    expect(events.map((event) => `${event.webhookEvent}/${event.issueEventTypeName ?? ""}`)).toEqual([
      "jira:issue_created/issue_created",
      "jira:issue_updated/issue_updated",
      "jira:issue_updated/issue_generic",
    ]);
    expect((await control(sim, "POST", `/issues/${key}/transitions`, { as: "dan", toStatus: "Done" })).status).toBe(400);
  });

  it("tells write listeners about every create and edit, REST or control, until unsubscribed", async () => {
    const seen: string[] = [];
    const unsubscribe = sim.control.onIssueWritten((issue) => seen.push(`${issue.key}:${issue.summary}`));
    const { key } = sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Task" }, summary: "Watched" });
    expect((await ada.put(`/rest/api/3/issue/${key}`, { fields: { summary: "Watched, renamed" } })).status).toBe(204);
    unsubscribe();
    sim.control.editIssue("ada", key, { fields: { summary: "Not watched" } });
    expect(seen).toEqual([`${key}:Watched`, `${key}:Watched, renamed`]);
  });

  it("adds users who can then authenticate", async () => {
    const added = await control(sim, "POST", "/users", { name: "zoe", displayName: "Zoe Zed", email: "zoe@tether.example", emailVisible: false, permissions: { TETH: ["BROWSE_PROJECTS"] } });
    expect(added.status).toBe(201);
    const zoe = new SimClient(sim, basic("zoe@tether.example", "sim-token-zoe"));
    expect(json(await zoe.get("/rest/api/3/myself"))).not.toHaveProperty("emailAddress");
    expect((await zoe.get("/rest/api/3/issue/TETH-2")).status).toBe(200);
    expect((await zoe.get("/rest/api/3/project/PLAT")).status).toBe(404);
  });

  it("saves a snapshot that a new simulator starts from", async () => {
    const file = path.join(directory, "site.json");
    sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Bug" }, summary: "Persisted bug" });
    expect((await control(sim, "POST", "/snapshot", { path: file })).status).toBe(200);
    const restored = await startJiraSim({ flavor: "cloud", seed: file });
    try {
      const client = new SimClient(restored, authFor(restored, "ada"));
      const search = json<{ issues: unknown[] }>(await client.post("/rest/api/3/search/jql", { jql: 'summary ~ "Persisted bug"', fields: ["summary"] }));
      expect(search.issues).toHaveLength(1);
      expect(restored.control.issueCount()).toBe(sim.control.issueCount());
    } finally {
      await restored.stop();
    }
    await expect(startJiraSim({ flavor: "datacenter", seed: file })).rejects.toThrow(/cloud/);
  });

  it("seeds bulk issues and resets to the original seed", async () => {
    const before = sim.control.issueCount();
    const seeded = await control(sim, "POST", "/seed", { count: 120 });
    expect(seeded.status).toBe(200);
    expect(sim.control.issueCount()).toBe(before + 120);
    expect((await control(sim, "POST", "/reset")).status).toBe(204);
    const fresh = await startJiraSim({ flavor: "cloud" });
    try {
      expect(sim.control.issueCount()).toBe(fresh.control.issueCount());
    } finally {
      await fresh.stop();
    }
    expect((await control(sim, "GET", "/requests")).body).toEqual([]);
  });

  it("rejects malformed control requests", async () => {
    expect((await control(sim, "PUT", "/faults", { nonsense: true })).status).toBe(400);
    expect((await control(sim, "POST", "/issues", { as: "nobody", fields: {} })).status).toBe(400);
  });
});
