import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraSim } from "../../../sim/jira/index.ts";
import type { JiraClient } from "./jira-client.ts";
import { clientFor, type Flavor, startSim } from "./testing/sim-clients.ts";

/** The two reads behind the planning board's assignee filter, against both flavours of the simulator. */
describe.each<Flavor>(["cloud", "datacenter"])("assignable users and key-only searches on %s", (flavor) => {
  let sim: JiraSim;
  let ada: JiraClient;

  beforeAll(async () => {
    sim = await startSim(flavor);
    ada = clientFor(sim, "ada");
  });
  afterAll(async () => sim?.stop());

  it("lists the project's assignable users by the id each flavour assigns with, narrowed by a search", async () => {
    const everyone = await ada.assignableUsers("TETH");
    expect(everyone.map((user) => user.displayName)).toEqual(expect.arrayContaining(["Ada Admin", "Ben Builder", "Cara Coder", "Dan Designer"]));
    const cara = everyone.find((user) => user.displayName === "Cara Coder");
    expect(cara?.id).toBe(flavor === "cloud" ? sim.control.user("cara").accountId : "cara");
    expect((await ada.assignableUsers("TETH", { query: "car" })).map((user) => user.displayName)).toEqual(["Cara Coder"]);
    expect(await ada.assignableUsers("TETH", { query: "nobody-like-this" })).toEqual([]);
    const log = sim.control.requestLog().filter((entry) => entry.path.endsWith("/user/assignable/search"));
    // Cloud takes the search as `query`, Data Center as `username`.
    expect(log.at(-1)?.query).toContain(flavor === "cloud" ? "query=nobody-like-this" : "username=nobody-like-this");
  });

  it("lists a page of assignable users from startAt", async () => {
    const response = await fetch(`${sim.url}/rest/api/${flavor === "cloud" ? 3 : 2}/user/assignable/search?project=TETH&startAt=1&maxResults=2`, {
      headers: { authorization: flavor === "cloud" ? `Basic ${btoa("ada@tether.example:sim-token-ada")}` : "Bearer sim-pat-ada" },
    });
    const all = await ada.assignableUsers("TETH");
    const page = (await response.json()) as Array<{ displayName: string }>;
    expect(page.map((user) => user.displayName)).toEqual(all.slice(1, 3).map((user) => user.displayName));
  });

  it("pages through the ids and keys a JQL selects", async () => {
    const created = ["One", "Two", "Three"].map((summary) => sim.control.createIssue("ada", { project: { key: "TETH" }, issuetype: { name: "Task" }, summary }));
    const jql = `key in (${created.map((issue) => `"${issue.key}"`).join(", ")}) ORDER BY key ASC`;
    const first = await ada.searchIssueRefsPage(jql, { pageSize: 2 });
    expect(first.refs).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await ada.searchIssueRefsPage(jql, { pageSize: 2, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect([...first.refs, ...second.refs]).toEqual(created.map((issue) => ({ id: issue.id, key: issue.key })));
  });
});
