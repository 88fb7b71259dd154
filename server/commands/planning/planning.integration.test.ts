import { listenOverHttp } from "../../testing/listen-over-http.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanningBoard, PlanningResyncJob, ProgramIncrement } from "../../../common/contracts/planning.ts";
import { signBody } from "../../../integrations/jira/webhooks/signature.ts";
import { planningEpic, storyUnder, tethBoardId } from "../../testing/planning-fixture.ts";
import { eventually, setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

const listen = listenOverHttp;

/** PI planning against the simulator, both flavours: setup, sprints, moves, cards, links, re-sync, webhooks, faults, roles. */
describe.each(["cloud", "datacenter"] as const)("planning on %s", (flavor) => {
  let f: SyncFixture;
  let pi: ProgramIncrement;
  let epicKey = "";
  let useCaseId = "";
  let boardId = 0;
  const children: string[] = [];
  const planning = () => `/workspaces/${f.workspaceId}/planning/pis`;
  const board = async (client = f.admin.client) => {
    const answer = await client.get<PlanningBoard>(`${planning()}/${pi.id}/board`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  /** Queues a re-sync (202) and waits for its job to finish; answers the finished job. */
  const resync = async (teamId?: string) => {
    const started = await f.admin.client.post<PlanningResyncJob>(`${planning()}/${pi.id}/resync${teamId ? `?teamId=${teamId}` : ""}`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return eventually(async () => {
      const job = await f.admin.client.get<PlanningResyncJob>(`${planning()}/${pi.id}/resync/${started.body.id}`);
      expect(job.body).toMatchObject({ state: "done", phase: "saving" });
      return job.body;
    }, 20_000);
  };
  const cardOf = async (key: string) => (await board()).cards.find((card) => card.key === key);
  const childFields = (summary: string, points: number) => storyUnder(f, flavor, epicKey, summary, { [f.sim.control.store.catalog.customFieldIds.storyPoints]: points });
  const jiraSprintIds = (key: string) => f.sim.control.issue(key).sprintIds.filter((id) => f.sim.control.store.sprints.get(id)?.state !== "closed");

  beforeAll(async () => {
    f = await setUpSync(flavor, { prefix: `plan-${flavor}` });
    ({ useCaseId, epicKey } = await planningEpic(f, { title: "Planned use case", assigneeId: f.member.id }));
    for (const [index, points] of [3, 5, 8, 13].entries()) children.push(f.sim.control.createIssue("ada", childFields(`Child ${index}`, points)).key);
    boardId = tethBoardId(f);
  }, 60_000);
  afterAll(() => f?.close());

  it("sets up a PI: boards as teams, sprints pulled, the Epic's children as cards with story points", async () => {
    const created = await f.admin.client.post<ProgramIncrement>(planning(), { name: "PI 26.1", startsOn: isoDate(-30), endsOn: isoDate(60), useCaseIds: [useCaseId], teams: [{ boardId, capacity: 10 }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pi = created.body;
    expect(pi.teams).toMatchObject([{ boardId, projectKey: "TETH", capacity: 10 }]);
    const shown = await board();
    expect(shown.sprints.map((sprint) => sprint.state).sort()).toEqual(["active", "future"]);
    expect(shown.cards.map((card) => card.key).sort()).toEqual([...children].sort());
    expect(shown.cards.find((card) => card.key === children[2])).toMatchObject({ storyPoints: 8, epicKey, useCaseId, sprintId: null, mayPlan: true });
  });

  it("refuses a board the account cannot see, and stores nothing", async () => {
    const before = (await f.admin.client.get<{ pis: unknown[] }>(planning())).body.pis.length;
    const refused = await f.admin.client.post<ErrorBody>(planning(), { name: "Ghost", startsOn: isoDate(0), endsOn: isoDate(10), teams: [{ boardId: 9999, capacity: 5 }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("planning_refused");
    expect((await f.admin.client.get<{ pis: unknown[] }>(planning())).body.pis.length).toBe(before);
    // A JQL Jira refuses fails the first pull: the PI is not kept.
    const badJql = await f.admin.client.post<ErrorBody>(planning(), { name: "Bad JQL", startsOn: isoDate(0), endsOn: isoDate(10), jql: "summary ~ (", teams: [{ boardId, capacity: 5 }] });
    expect(badJql.status).toBe(422);
    expect(badJql.body.error.code).toBe("planning_refused");
    expect((await f.admin.client.get<{ pis: unknown[] }>(planning())).body.pis.length).toBe(before);
    // Jira failing: no PI is left behind either.
    f.sim.control.setFaults({ errorRate: 1 });
    try {
      const failed = await f.admin.client.post<ErrorBody>(planning(), { name: "Outage", startsOn: isoDate(0), endsOn: isoDate(10), teams: [{ boardId, capacity: 5 }] });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      f.sim.control.setFaults({ errorRate: 0 });
    }
    expect((await f.admin.client.get<{ pis: unknown[] }>(planning())).body.pis.length).toBe(before);
  }, 60_000);

  it("creates a sprint in Jira, and without Manage Sprints says how to get it", async () => {
    const team = pi.teams[0]!;
    const created = await f.admin.client.post<{ sprintId: number; state: string }>(`${planning()}/${pi.id}/sprints`, { teamId: team.id, name: "PI 26.1 Sprint 3" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(f.sim.control.store.sprints.get(created.body.sprintId)).toMatchObject({ name: "PI 26.1 Sprint 3", state: "future" });
    expect((await board()).sprints.some((sprint) => sprint.sprintId === created.body.sprintId)).toBe(true);
    const all = [...f.sim.control.store.projectPermissions(f.sim.control.user("ada").key, f.sim.control.store.projectByIdOrKey("TETH")?.id ?? "")];
    f.sim.control.setPermissions("ada", "TETH", all.filter((key) => key !== "MANAGE_SPRINTS_PERMISSION"));
    try {
      const refused = await f.admin.client.post<ErrorBody>(`${planning()}/${pi.id}/sprints`, { teamId: team.id, name: "Not allowed" });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: "planning_refused", details: { permission: "MANAGE_SPRINTS_PERMISSION" } });
      expect(refused.body.error.message).toMatch(/Manage Sprints/);
    } finally {
      f.sim.control.setPermissions("ada", "TETH", all);
    }
  });

  it("moves a card with one Agile API call, back to 'not planned', and refuses a closed sprint without changing anything", async () => {
    const future = (await board()).sprints.find((sprint) => sprint.state === "future")!;
    const key = children[0]!;
    f.sim.control.clearRequestLog();
    const moved = await f.admin.client.post<{ jiraRequests: number }>(`${planning()}/${pi.id}/cards/${key}/move`, { sprintId: future.sprintId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.jiraRequests).toBe(1);
    expect(f.sim.control.requestLog().filter((entry) => entry.method === "POST")).toHaveLength(1);
    expect(jiraSprintIds(key)).toEqual([future.sprintId]);
    expect((await cardOf(key))?.sprintId).toBe(future.sprintId);
    const again = await f.admin.client.post<{ jiraRequests: number }>(`${planning()}/${pi.id}/cards/${key}/move`, { sprintId: future.sprintId });
    expect(again.body.jiraRequests).toBe(0);

    const sprint = f.sim.control.store.sprints.get(future.sprintId)!;
    const back = await f.admin.client.post(`${planning()}/${pi.id}/cards/${children[1]}/move`, { sprintId: future.sprintId });
    expect(back.status).toBe(200);
    sprint.state = "closed";
    try {
      const refused = await f.admin.client.post<ErrorBody>(`${planning()}/${pi.id}/cards/${children[2]}/move`, { sprintId: future.sprintId });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe("planning_refused");
      expect((await cardOf(children[2]!))?.sprintId).toBeNull();
    } finally {
      sprint.state = "future";
    }
    const unplanned = await f.admin.client.post(`${planning()}/${pi.id}/cards/${children[1]}/move`, { sprintId: null });
    expect(unplanned.status).toBe(200);
    expect(jiraSprintIds(children[1]!)).toEqual([]);
    expect((await cardOf(children[1]!))?.sprintId).toBeNull();
  });

  it("shows load against capacity, red when over", async () => {
    const future = (await board()).sprints.find((sprint) => sprint.state === "future")!;
    await f.admin.client.post(`${planning()}/${pi.id}/cards/${children[3]}/move`, { sprintId: future.sprintId });
    const load = (await board()).load.find((entry) => entry.sprintId === future.sprintId);
    expect(load).toMatchObject({ points: 16, capacity: 10, over: true });
  });

  it("creates a card in a cell, edits it and deletes it in Jira", async () => {
    const shown = await board();
    const future = shown.sprints.find((sprint) => sprint.state === "future")!;
    const story = f.sim.control.store.catalog.issueTypes.find((type) => type.name === "Story")!;
    const created = await f.admin.client.post<{ issueKey: string }>(`${planning()}/${pi.id}/cards`, { teamId: pi.teams[0]!.id, sprintId: future.sprintId, epicKey, issueTypeId: story.id, summary: "Made on the wall", storyPoints: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.issueKey;
    expect(jiraSprintIds(key)).toEqual([future.sprintId]);
    const edited = await f.admin.client.patch(`${planning()}/${pi.id}/cards/${key}`, { summary: "Renamed on the wall", storyPoints: 3 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(f.sim.control.issue(key).summary).toBe("Renamed on the wall");
    expect(await cardOf(key)).toMatchObject({ summary: "Renamed on the wall", storyPoints: 3 });
    const deleted = await f.admin.client.delete<{ deletedInJira: boolean }>(`${planning()}/${pi.id}/cards/${key}`);
    expect(deleted.body.deletedInJira).toBe(true);
    expect(() => f.sim.control.issue(key)).toThrow();
    expect(await cardOf(key)).toBeUndefined();
  });

  it("without Delete Issues takes the card off the board only, and says so", async () => {
    const extra = f.sim.control.createIssue("ada", childFields("Kept in Jira", 1)).key;
    await resync();
    const all = [...f.sim.control.store.projectPermissions(f.sim.control.user("ada").key, f.sim.control.store.projectByIdOrKey("TETH")?.id ?? "")];
    f.sim.control.setPermissions("ada", "TETH", all.filter((key) => key !== "DELETE_ISSUES"));
    try {
      const answer = await f.admin.client.delete<{ deletedInJira: boolean; message: string }>(`${planning()}/${pi.id}/cards/${extra}`);
      expect(answer.status).toBe(200);
      expect(answer.body.deletedInJira).toBe(false);
      expect(answer.body.message).toMatch(/Delete Issues/);
      expect(f.sim.control.issue(extra).key).toBe(extra);
      // Remembered: neither a re-sync nor a webhook for the issue puts it back on this PI.
      await resync();
      expect(await cardOf(extra)).toBeUndefined();
      const { refreshPlanningCards } = await import("./webhook-refresh.ts");
      f.sim.control.editIssue("ada", extra, { fields: { summary: "Kept in Jira, edited" } });
      await refreshPlanningCards(f.app.deps, { workspaceId: f.workspaceId, event: "jira:issue_updated", issueId: f.sim.control.issue(extra).id.toString(), issueKey: extra, useCaseId: null, receivedAt: new Date() });
      expect(await cardOf(extra)).toBeUndefined();
    } finally {
      f.sim.control.setPermissions("ada", "TETH", all);
    }
  });

  it("draws dependencies as issue links, flags backwards ones, refuses unknown link types, removes them", async () => {
    const shown = await board();
    const future = shown.sprints.find((sprint) => sprint.state === "future")!;
    const active = shown.sprints.find((sprint) => sprint.state === "active")!;
    const [blocker, waiting] = [children[0]!, children[2]!];
    await f.admin.client.post(`${planning()}/${pi.id}/cards/${blocker}/move`, { sprintId: future.sprintId });
    await f.admin.client.post(`${planning()}/${pi.id}/cards/${waiting}/move`, { sprintId: active.sprintId });
    const unknown = await f.admin.client.post<ErrorBody>(`${planning()}/${pi.id}/dependencies`, { linkType: "Haunts", fromIssueKey: blocker, toIssueKey: waiting });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/Blocks/);
    const drawn = await f.admin.client.post<{ linkId: string }>(`${planning()}/${pi.id}/dependencies`, { linkType: "Blocks", fromIssueKey: blocker, toIssueKey: waiting });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(201);
    expect(f.sim.control.store.links.has(drawn.body.linkId)).toBe(true);
    const dependency = (await board()).dependencies.find((candidate) => candidate.linkId === drawn.body.linkId);
    expect(dependency).toMatchObject({ linkType: "Blocks", backwards: true });
    const resynced = await resync();
    expect(resynced.result?.dependencies).toBeGreaterThanOrEqual(1);
    expect((await f.admin.client.delete(`${planning()}/${pi.id}/dependencies/${drawn.body.linkId}`)).status).toBe(204);
    expect(f.sim.control.store.links.has(drawn.body.linkId)).toBe(false);
    expect((await board()).dependencies.some((candidate) => candidate.linkId === drawn.body.linkId)).toBe(false);
  });

  it("two planners moving the same card at once leave Jira and Tether agreeing", async () => {
    const shown = await board();
    const [a, b] = shown.sprints;
    const key = children[3]!;
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all([
        f.admin.client.post(`${planning()}/${pi.id}/cards/${key}/move`, { sprintId: a!.sprintId }),
        f.moderator.client.post(`${planning()}/${pi.id}/cards/${key}/move`, { sprintId: b!.sprintId }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(jiraSprintIds(key)).toEqual([(await cardOf(key))?.sprintId]);
    }
  });

  it("survives 429s under a burst of moves and reports a Jira outage without moving the card", async () => {
    const shown = await board();
    const future = shown.sprints.find((sprint) => sprint.state === "future")!;
    const active = shown.sprints.find((sprint) => sprint.state === "active")!;
    f.sim.control.setFaults({ rateLimitRate: 0.3, retryAfterSeconds: 0 });
    try {
      // Each 429 is retried; only a move whose every attempt met a 429 (0.3^4 per call) may give up,
      // and then it says so and leaves Tether and Jira agreeing.
      let carried = 0;
      for (let index = 0; index < 8; index += 1) {
        const target = index % 2 === 0 ? active : future;
        const moved = await f.admin.client.post<ErrorBody>(`${planning()}/${pi.id}/cards/${children[1]}/move`, { sprintId: target.sprintId });
        if (moved.status === 200) {
          carried += 1;
          expect(jiraSprintIds(children[1]!)).toEqual([target.sprintId]);
        } else {
          expect(moved.status, JSON.stringify(moved.body)).toBe(502);
          expect(JSON.stringify(moved.body.error)).toContain("jira_rate_limited");
          const kept = (await cardOf(children[1]!))?.sprintId ?? null;
          expect(jiraSprintIds(children[1]!)).toEqual(kept === null ? [] : [kept]);
        }
      }
      expect(carried).toBeGreaterThanOrEqual(6);
    } finally {
      f.sim.control.setFaults({ rateLimitRate: 0 });
    }
    const before = (await cardOf(children[1]!))?.sprintId;
    f.sim.control.setFaults({ errorRate: 1 });
    try {
      const failed = await f.admin.client.post<ErrorBody>(`${planning()}/${pi.id}/cards/${children[1]}/move`, { sprintId: null });
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe("jira_failed");
    } finally {
      f.sim.control.setFaults({ errorRate: 0 });
    }
    expect((await cardOf(children[1]!))?.sprintId).toBe(before);
    expect(jiraSprintIds(children[1]!)).toEqual(before === null || before === undefined ? [] : [before]);
  }, 60_000);

  it("takes in changes made in Jira through the webhook path; a dropped webhook is repaired by re-sync", async () => {
    const key = children[2]!;
    const versionBefore = (await f.admin.client.get<{ version: number }>(`${planning()}/${pi.id}/version`)).body.version;
    const { refreshPlanningCards } = await import("./webhook-refresh.ts");
    f.sim.control.editIssue("ada", key, { fields: { summary: "Renamed in Jira" } });
    await refreshPlanningCards(f.app.deps, { workspaceId: f.workspaceId, event: "jira:issue_updated", issueId: f.sim.control.issue(key).id.toString(), issueKey: key, useCaseId: null, receivedAt: new Date() });
    expect((await cardOf(key))?.summary).toBe("Renamed in Jira");
    expect((await f.admin.client.get<{ version: number }>(`${planning()}/${pi.id}/version`)).body.version).toBeGreaterThan(versionBefore);
    // No delivery at all: the re-sync repairs it.
    f.sim.control.editIssue("ada", key, { fields: { summary: "Renamed again, webhook lost" } });
    await resync();
    expect((await cardOf(key))?.summary).toBe("Renamed again, webhook lost");
  });

  it("re-syncs as a queued job whose progress reaches the end, with what was taken in", async () => {
    const before = (await board()).cards.length;
    const job = await resync();
    expect(job.result).toMatchObject({ cards: before });
    expect(job.done).toBe(before);
    expect(job.total).toBe(before);
    expect(job.finishedAt).not.toBeNull();
    expect((await f.admin.client.get(`${planning()}/${pi.id}/resync/${crypto.randomUUID()}`)).status).toBe(404);
    // One team's board: its cards take in what changed in Jira.
    const team = (await board()).pi.teams[0]!;
    const key = (await board()).cards.find((card) => card.teamId === team.id)!.key;
    f.sim.control.editIssue("ada", key, { fields: { summary: "Renamed for the team re-sync" } });
    const teamJob = await resync(team.id);
    expect(teamJob.teamId).toBe(team.id);
    expect((await cardOf(key))?.summary).toBe("Renamed for the team re-sync");
    expect((await board()).cards.length).toBe(before);
    expect((await f.admin.client.post(`${planning()}/${pi.id}/resync?teamId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await f.member.client.get(`${planning()}/${pi.id}/resync/${job.id}`)).status).toBe(403);
  });

  it("follows the role table: Members plan cards of their use cases only, Visitors see nothing, setup is for Admins and Moderators", async () => {
    const shown = await board(f.member.client);
    expect(shown.cards.every((card) => card.mayPlan)).toBe(true);
    const other = await f.otherMember.client.get<PlanningBoard>(`${planning()}/${pi.id}/board`);
    expect(other.body.cards.every((card) => !card.mayPlan)).toBe(true);
    const refused = await f.otherMember.client.post<ErrorBody>(`${planning()}/${pi.id}/cards/${children[0]}/move`, { sprintId: null });
    expect(refused.status).toBe(403);
    expect((await f.member.client.post(`${planning()}/${pi.id}/cards/${children[0]}/move`, { sprintId: null })).status).toBe(200);
    expect((await f.visitor.client.get(`${planning()}/${pi.id}/board`)).status).toBe(403);
    expect((await f.member.client.post(`${planning()}/${pi.id}/resync`)).status).toBe(403);
    expect((await f.member.client.post(planning(), { name: "No", startsOn: isoDate(0), endsOn: isoDate(1), teams: [{ boardId, capacity: 1 }] })).status).toBe(403);
  });

  it("a Jira edit reaches the board through the webhook route (signed delivery → ingest → card)", async () => {
    const key = children[3]!;
    if (flavor === "datacenter") {
      // Data Center delivers to a private URL: the simulator's own signed delivery.
      const server = await listen(f);
      try {
        f.app.deps.env.PUBLIC_URL = server.origin;
        expect((await f.admin.client.post(`${f.jiraBase}/webhook/register`)).status).toBe(200);
        f.sim.control.editIssue("ada", key, { fields: { summary: "Edited in Jira, delivered by webhook" } });
        await eventually(async () => expect((await cardOf(key))?.summary).toBe("Edited in Jira, delivered by webhook"), 15_000);
      } finally {
        await server.close();
      }
      return;
    }
    // Jira Cloud cannot reach a private URL: deliver what it would send, signed with the workspace's secret.
    f.sim.control.editIssue("ada", key, { fields: { summary: "Edited in Jira, delivered by webhook" } });
    f.app.deps.env.PUBLIC_URL = "https://tether.example.com";
    const view = await f.admin.client.get<{ url: string | null }>(`${f.jiraBase}/webhook`);
    delete f.app.deps.env.PUBLIC_URL;
    const secret = (await f.admin.client.post<{ secret: string }>(`${f.jiraBase}/webhook/secret`)).body.secret;
    const body = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { id: String(f.sim.control.issue(key).id), key } });
    const delivered = await f.app.request(new URL(view.body.url ?? "http://x/").pathname, { method: "POST", headers: { "x-hub-signature": signBody(secret, body), "x-atlassian-webhook-identifier": `planning-${key}` }, body });
    expect(delivered.status).toBe(202);
    await eventually(async () => expect((await cardOf(key))?.summary).toBe("Edited in Jira, delivered by webhook"), 15_000);
  }, 30_000);

  it("switched off, keeps no Jira issue content and answers feature_disabled; back on, a re-sync restores the board", async () => {
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { planning: false })).status).toBe(200);
    expect(await f.app.deps.db.selectFrom("planning_cards").select("issue_id").where("pi_id", "=", pi.id).execute()).toEqual([]);
    const off = await f.admin.client.get<ErrorBody>(`${planning()}/${pi.id}/board`);
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe("feature_disabled");
    expect((await f.admin.client.patch(`${f.jiraBase}/features`, { planning: true })).status).toBe(200);
    await resync();
    expect((await board()).cards.length).toBeGreaterThanOrEqual(children.length);
  });
});
