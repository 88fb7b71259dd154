import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSim, type JiraSim } from "./index.ts";
import { authFor, json, SimClient } from "./testing/sim-client.ts";

type IssueType = { id: string; name: string; hierarchyLevel: number; scope?: { type: string; project: { id: string } } };
type Project = { id: string; key: string; simplified: boolean; style: string; issueTypes: IssueType[] };

/** The demo Cloud site's team-managed space beside the company-managed one, and issue security levels. */
describe("team-managed projects and issue security", () => {
  let sim: JiraSim;
  let ada: SimClient;
  let cara: SimClient;
  let nova: Project;
  let teth: Project;

  beforeAll(async () => {
    sim = await startJiraSim({ flavor: "cloud", seed: "demo" });
    ada = new SimClient(sim, authFor(sim, "ada"));
    cara = new SimClient(sim, authFor(sim, "cara"));
    nova = json<Project>(await ada.get("/rest/api/3/project/NOVA?expand=issueTypes"));
    teth = json<Project>(await ada.get("/rest/api/3/project/TETH?expand=issueTypes"));
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("presents the project as team-managed with issue types scoped to it", async () => {
    expect([nova.simplified, nova.style, teth.simplified, teth.style]).toEqual([true, "next-gen", false, "classic"]);
    expect(nova.issueTypes.map((type) => type.name)).toEqual(["Epic", "Story", "Task", "Bug", "Subtask"]);
    expect(nova.issueTypes.every((type) => type.scope?.type === "PROJECT" && type.scope.project.id === nova.id)).toBe(true);
    const sharedIds = nova.issueTypes.filter((type) => teth.issueTypes.some((other) => other.id === type.id));
    expect(sharedIds).toEqual([]);
    const byProject = json<IssueType[]>(await ada.get(`/rest/api/3/issuetype/project?projectId=${nova.id}`));
    expect(byProject.map((type) => type.id)).toEqual(nova.issueTypes.map((type) => type.id));
    expect(json<IssueType[]>(await ada.get(`/rest/api/3/issuetype/project?projectId=${nova.id}&level=1`)).map((type) => type.name)).toEqual(["Epic"]);
    expect((await ada.get("/rest/api/3/issuetype/project?projectId=99999")).status).toBe(404);
  });

  it("has its own statuses, workflow and fields; the company-managed scheme's are not valid there", async () => {
    const statuses = json<{ id: string; statuses: { id: string; name: string; scope?: unknown }[] }[]>(await ada.get("/rest/api/3/project/NOVA/statuses"));
    expect(statuses[0]?.statuses.map((status) => status.name)).toEqual(["To Do", "In Progress", "Done"]);
    const tethStatuses = json<{ statuses: { id: string }[] }[]>(await ada.get("/rest/api/3/project/TETH/statuses"))[0]?.statuses.map((status) => status.id);
    expect(statuses[0]?.statuses.some((status) => tethStatuses?.includes(status.id))).toBe(false);

    const epicType = nova.issueTypes.find((type) => type.hierarchyLevel === 1)!;
    const create = json<{ fields: { key: string; name: string }[] }>(await ada.get(`/rest/api/3/issue/createmeta/NOVA/issuetypes/${epicType.id}`));
    const names = create.fields.map((field) => field.name);
    expect(names).toContain("Story point estimate");
    expect(names).not.toContain("WSJF");
    // Creating with the site's Epic type, or setting the company-managed WSJF field, is refused.
    const tethEpic = teth.issueTypes.find((type) => type.hierarchyLevel === 1)!;
    expect((await ada.post("/rest/api/3/issue", { fields: { project: { key: "NOVA" }, issuetype: { id: tethEpic.id }, summary: "x" } })).status).toBe(400);
    const wsjf = await ada.post("/rest/api/3/issue", { fields: { project: { key: "NOVA" }, issuetype: { id: epicType.id }, summary: "x", customfield_10050: 3 } });
    expect(wsjf.status).toBe(400);
    expect(wsjf.text).toContain("not on the appropriate screen");

    const epic = json<{ key: string }>(await ada.post("/rest/api/3/issue", { fields: { project: { key: "NOVA" }, issuetype: { id: epicType.id }, summary: "Team epic" } }));
    const transitions = json<{ transitions: { id: string; to: { name: string } }[] }>(await ada.get(`/rest/api/3/issue/${epic.key}/transitions`)).transitions;
    // Every status can be reached from every other in one step; done resolves the issue.
    expect(transitions.map((transition) => transition.to.name).sort()).toEqual(["Done", "In Progress"]);
    await ada.post(`/rest/api/3/issue/${epic.key}/transitions`, { transition: { id: transitions.find((t) => t.to.name === "Done")!.id } });
    const done = json<{ fields: { status: { name: string }; resolution: { name: string } | null } }>(await ada.get(`/rest/api/3/issue/${epic.key}?fields=status,resolution`));
    expect([done.fields.status.name, done.fields.resolution?.name]).toEqual(["Done", "Done"]);
  });

  it("lists an Epic's children through parent", async () => {
    const epics = json<{ issues: { key: string }[] }>(await ada.post("/rest/api/3/search/jql", { jql: `project = NOVA AND issuetype = ${nova.issueTypes[0]!.id} ORDER BY key ASC`, fields: ["summary"] }));
    const first = epics.issues[0]!.key;
    const children = json<{ issues: unknown[] }>(await ada.post("/rest/api/3/search/jql", { jql: `parent = ${first}`, fields: ["summary"] }));
    expect(children.issues.length).toBeGreaterThan(0);
  });

  it("hides an issue under a security level exactly like a deleted one, but only from non-members", async () => {
    const key = "TETH-1";
    sim.control.setIssueSecurity(key, "Legal only");
    const hidden = await ada.get(`/rest/api/3/issue/${key}`);
    expect(hidden.status).toBe(404);
    const search = json<{ issues: { key: string }[] }>(await ada.post("/rest/api/3/search/jql", { jql: `key = ${key}`, fields: ["summary"] }));
    expect(search.issues).toEqual([]);
    expect((await cara.get(`/rest/api/3/issue/${key}`)).status).toBe(200);
    // The project itself stays visible: the signal Tether uses to say "hidden or deleted", not "project gone".
    expect((await ada.get("/rest/api/3/project/TETH")).status).toBe(200);
    sim.control.setIssueSecurity(key, null);
    expect((await ada.get(`/rest/api/3/issue/${key}`)).status).toBe(200);
  });
});
