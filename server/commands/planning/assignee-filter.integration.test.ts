import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraMapping } from "../../../common/contracts/jira-mapping.ts";
import type { AssignablePeople, AssigneeFilterResult } from "../../../common/contracts/planning-assignees.ts";
import type { PlanningBoard, ProgramIncrement } from "../../../common/contracts/planning.ts";
import { planningEpic, storyUnder, tethBoardId } from "../../testing/planning-fixture.ts";
import { setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/** The board's assignee filter against the simulator, both flavours: asked of Jira live, answered with keys, nothing stored (ADR 0016). */
describe.each(["cloud", "datacenter"] as const)("planning assignee filter on %s", (flavor) => {
  let f: SyncFixture;
  let pi: ProgramIncrement;
  const children: string[] = [];
  const piPath = () => `/workspaces/${f.workspaceId}/planning/pis/${pi.id}`;
  /** What Jira knows a user by: the accountId on Cloud, the username on Data Center. */
  const jiraId = (name: string) => (flavor === "cloud" ? f.sim.control.user(name).accountId : f.sim.control.user(name).name);
  const assigneeField = (name: string | null) => ({ assignee: name === null ? null : flavor === "cloud" ? { accountId: jiraId(name) } : { name } });
  const searches = () => f.sim.control.requestLog().filter((entry) => /\/search(\/jql)?$/.test(entry.path));
  const filter = async (query: string, client = f.admin.client) => client.get<AssigneeFilterResult & ErrorBody>(`${piPath()}/assignee-filter?${query}`);

  beforeAll(async () => {
    f = await setUpSync(flavor, { prefix: `plan-assignee-${flavor}` });
    const { useCaseId, epicKey } = await planningEpic(f, { title: "Planned use case", assigneeId: f.member.id });
    for (const [index, who] of ["cara", "cara", "ada", null].entries()) {
      children.push(f.sim.control.createIssue("ada", storyUnder(f, flavor, epicKey, `Child ${index}`, assigneeField(who))).key);
    }
    const boardId = tethBoardId(f);
    const created = await f.admin.client.post<ProgramIncrement>(`/workspaces/${f.workspaceId}/planning/pis`, { name: "PI 27.1", startsOn: isoDate(-30), endsOn: isoDate(60), useCaseIds: [useCaseId], teams: [{ boardId, capacity: 10 }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pi = created.body;
  }, 60_000);
  afterAll(() => f?.close());

  it("lists the people the teams' project can assign, narrowed by a search, with one Jira request", async () => {
    f.sim.control.clearRequestLog();
    const all = await f.member.client.get<AssignablePeople>(`${piPath()}/assignees`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.people.map((person) => person.displayName)).toEqual(expect.arrayContaining(["Ada Admin", "Ben Builder", "Cara Coder", "Dan Designer"]));
    expect(all.body.people.find((person) => person.displayName === "Cara Coder")).toEqual({ jiraUserId: jiraId("cara"), displayName: "Cara Coder" });
    expect(all.body.jiraRequests).toBe(1);
    expect(f.sim.control.requestLog().map((entry) => entry.path)).toEqual([`/rest/api/${flavor === "cloud" ? 3 : 2}/user/assignable/search`]);
    const narrowed = await f.member.client.get<AssignablePeople>(`${piPath()}/assignees?query=car`);
    expect(narrowed.body.people).toEqual([{ jiraUserId: jiraId("cara"), displayName: "Cara Coder" }]);
    // Only ids and names travel: no email, even where Jira shows it.
    expect(Object.keys(all.body.people[0] ?? {}).sort()).toEqual(["displayName", "jiraUserId"]);
  });

  it("answers the cards a person holds, and those nobody holds, with one search that reads no fields", async () => {
    f.sim.control.clearRequestLog();
    const cara = await filter(`assignee=${encodeURIComponent(jiraId("cara"))}`, f.otherMember.client);
    expect(cara.status, JSON.stringify(cara.body)).toBe(200);
    expect(cara.body.issueKeys.sort()).toEqual([children[0], children[1]].sort());
    expect(cara.body.issueIds.sort()).toEqual([children[0], children[1]].map((key) => String(f.sim.control.issue(key ?? "").id)).sort());
    expect(cara.body.jiraRequests).toBe(1);
    expect(searches()).toHaveLength(1);
    const nobody = await filter("unassigned=true");
    expect(nobody.body.issueKeys).toEqual([children[3]]);
    expect((await filter(`assignee=${encodeURIComponent(jiraId("dan"))}`)).body.issueKeys).toEqual([]);
    // Exactly one of the three must be given.
    expect((await filter(`unassigned=true&me=true`)).status).toBe(400);
    expect((await filter("")).status).toBe(400);
  });

  it("finds 'me' through the people map, else by email in Jira, else says what to do", async () => {
    const unknown = await filter("me=true");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "planning_refused", details: { reason: "jira_account_unknown" } });
    expect(unknown.body.error.message).toMatch(/people map/);

    const current = await f.admin.client.get<{ mapping: JiraMapping; version: number }>(`${f.jiraBase}/mapping`);
    const userMap = [...current.body.mapping.userMap, { userId: f.admin.id, jiraUserId: jiraId("ada"), jiraDisplayName: "Ada Admin" }];
    expect((await f.admin.client.put(`${f.jiraBase}/mapping`, { ...current.body.mapping, userMap })).status).toBe(200);
    const mine = await filter("me=true");
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ issueKeys: [children[2]], jiraRequests: 1 });

    // A Jira user with the Moderator's email: found with one user search, and not remembered.
    f.sim.control.addUser({ name: "mo", displayName: "Mo Moderator", email: f.moderator.email }, { TETH: ["BROWSE_PROJECTS", "ASSIGNABLE_USER"] });
    f.sim.control.editIssue("ada", children[3] ?? "", { fields: assigneeField("mo") });
    const moderator = await filter("me=true", f.moderator.client);
    expect(moderator.status, JSON.stringify(moderator.body)).toBe(200);
    expect(moderator.body).toMatchObject({ issueKeys: [children[3]], jiraRequests: 2 });
    expect(await f.app.deps.db.selectFrom("jira_user_matches").select("user_id").where("user_id", "=", f.moderator.id).execute()).toEqual([]);
    f.sim.control.editIssue("ada", children[3] ?? "", { fields: assigneeField(null) });
  });

  it("stores no assignee: no such column, no row changed, answers of ids and keys only", async () => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = current_schema() and table_name like 'planning%'`.execute(f.app.deps.db);
    expect(columns.length).toBeGreaterThan(10);
    expect(columns.filter((column) => /assignee|account|user_?name|email|display/i.test(column.column_name))).toEqual([]);
    const snapshot = async () => {
      const [cards, increments] = await Promise.all([
        f.app.deps.db.selectFrom("planning_cards").selectAll().where("pi_id", "=", pi.id).orderBy("issue_id").execute(),
        f.app.deps.db.selectFrom("planning_increments").selectAll().where("id", "=", pi.id).execute(),
      ]);
      return JSON.stringify({ cards, increments });
    };
    const before = await snapshot();
    const answer = await filter(`assignee=${encodeURIComponent(jiraId("cara"))}`);
    expect(Object.keys(answer.body).sort()).toEqual(["issueIds", "issueKeys", "jiraRequests"]);
    expect(JSON.stringify(answer.body)).not.toContain(jiraId("cara"));
    expect(await snapshot()).toBe(before);
    const board = await f.admin.client.get<PlanningBoard>(`${piPath()}/board`);
    expect(JSON.stringify(board.body)).not.toMatch(/assignee|Cara Coder/);
  });

  it("turns Jira's failures into 502 jira_failed, never 500", async () => {
    f.sim.control.setFaults({ errorRate: 1 });
    try {
      const failed = await filter("unassigned=true");
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe("jira_failed");
      const people = await f.admin.client.get<ErrorBody>(`${piPath()}/assignees`);
      expect(people.status).toBe(502);
      expect(people.body.error.code).toBe("jira_failed");
    } finally {
      f.sim.control.setFaults({ errorRate: 0 });
    }
    // The simulator matches nobody for an unknown person; Jira itself refuses the JQL (400), which
    // becomes 422 planning_refused (assignee-filter.unit.test.ts).
    const ghost = await filter("assignee=no-such-person");
    expect(ghost.status).toBe(200);
    expect(ghost.body.issueKeys).toEqual([]);
  }, 60_000);

  it("needs a handful of Jira requests for a 500-card board, not one per card", async () => {
    f.sim.control.seedIssues(500, "TETH");
    const teth = f.sim.control.store.projectByIdOrKey("TETH");
    const boardId = [...f.sim.control.store.boards.values()].find((candidate) => candidate.projectId === teth?.id)?.id ?? 0;
    const big = await f.admin.client.post<ProgramIncrement>(`/workspaces/${f.workspaceId}/planning/pis`, { name: "Big PI", startsOn: isoDate(-30), endsOn: isoDate(60), jql: "project = TETH", teams: [{ boardId, capacity: 100 }] });
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    const cards = (await f.admin.client.get<PlanningBoard>(`/workspaces/${f.workspaceId}/planning/pis/${big.body.id}/board`)).body.cards;
    expect(cards.length).toBeGreaterThanOrEqual(500);
    f.sim.control.clearRequestLog();
    const started = performance.now();
    const answer = await f.admin.client.get<AssigneeFilterResult>(`/workspaces/${f.workspaceId}/planning/pis/${big.body.id}/assignee-filter?assignee=${encodeURIComponent(jiraId("cara"))}`);
    const elapsedMs = performance.now() - started;
    expect(answer.status).toBe(200);
    const caraKey = f.sim.control.user("cara").key;
    const held = cards.filter((card) => f.sim.control.issue(card.key).assigneeKey === caraKey).map((card) => card.key);
    expect(held.length).toBeGreaterThan(2);
    expect(answer.body.issueKeys.sort()).toEqual(held.sort());
    expect(answer.body.jiraRequests).toBe(Math.ceil(cards.length / 100));
    expect(searches()).toHaveLength(answer.body.jiraRequests);
    console.info(`assignee filter, ${flavor}: ${cards.length} cards, ${answer.body.jiraRequests} Jira requests, ${elapsedMs.toFixed(0)} ms`);
  }, 120_000);

  it("is off with the feature, like the board", async () => {
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { planning: false })).status).toBe(200);
    try {
      const off = await filter("unassigned=true");
      expect(off.status).toBe(409);
      expect(off.body.error.code).toBe("feature_disabled");
    } finally {
      expect((await f.admin.client.patch(`${f.jiraBase}/features`, { planning: true })).status).toBe(200);
    }
  });
});
