import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenConflict } from "../../../common/contracts/jira-reconcile.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import { setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { syncLink } from "./sync-link.ts";

/** "Ask" mode: both sides change the title; the link parks the conflict until a person chooses. No worker: runs are explicit. */
describe("conflicts inbox in “ask” mode (Data Center simulator)", () => {
  let f: SyncFixture;
  let useCase: UseCase;
  let linkId: string;
  let issueKey: string;

  const title = async () => (await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`)).body.useCase.title;
  const editInTether = async (value: string) => {
    const current = await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${useCase.id}`);
    expect((await f.admin.client.patch(`${f.base}/${useCase.id}`, { title: value, version: current.body.useCase.version })).status).toBe(200);
  };
  const inbox = async () => {
    const response = await f.moderator.client.get<{ conflicts: OpenConflict[] }>(`${f.jiraBase}/conflicts`);
    expect(response.status).toBe(200);
    return response.body.conflicts;
  };
  const linkState = async () => f.app.deps.db.selectFrom("jira_links").select(["state", "state_code"]).where("id", "=", linkId).executeTakeFirstOrThrow();

  /** Both sides change the title, then the sync runs and parks it. */
  async function conflictOnTitle(tether: string, jira: string): Promise<OpenConflict> {
    await editInTether(tether);
    f.sim.control.editIssue("ben", issueKey, { fields: { summary: jira } });
    expect((await syncLink(f.app.deps, linkId, "manual")).outcome).toBe("blocked");
    expect(await linkState()).toEqual({ state: "blocked", state_code: "sync_conflict" });
    const conflicts = await inbox();
    expect(conflicts).toHaveLength(1);
    return conflicts[0]!;
  }

  beforeAll(async () => {
    f = await setUpSync("datacenter", { worker: false, prefix: "conflicts" });
    const saved = await f.admin.client.put(`${f.jiraBase}/mapping`, { ...f.mapping, conflictPolicy: "ask" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    useCase = await f.createUseCase({ title: "Loyalty points" });
    const linked = await f.link(useCase.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    linkId = linked.body.link.id;
    issueKey = linked.body.link.issueKey!;
  });
  afterAll(async () => f.close());

  it("parks a conflict with both values and the base, and pushes Tether's value when Tether is kept", async () => {
    const conflict = await conflictOnTitle("Loyalty points (Tether)", "Loyalty points (Jira)");
    expect(conflict).toMatchObject({ linkId, issueKey, field: "title", tether: "Loyalty points (Tether)", jira: "Loyalty points (Jira)", base: "Loyalty points" });
    expect(conflict.useCase).toMatchObject({ id: useCase.id, title: "Loyalty points (Tether)" });
    expect(f.sim.control.issue(issueKey).summary, "nothing is carried while parked").toBe("Loyalty points (Jira)");

    expect((await f.member.client.post(`${f.jiraBase}/conflicts/${linkId}/resolve`, { field: "title", keep: "tether" })).status).toBe(403);
    const resolved = await f.moderator.client.post<{ remaining: number }>(`${f.jiraBase}/conflicts/${linkId}/resolve`, { field: "title", keep: "tether" });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.remaining).toBe(0);
    expect(await inbox()).toEqual([]);
    const again = await f.moderator.client.post<{ error: { code: string } }>(`${f.jiraBase}/conflicts/${linkId}/resolve`, { field: "title", keep: "jira" });
    expect(again.status, "resolved once only").toBe(404);

    expect((await syncLink(f.app.deps, linkId, "manual")).outcome).toBe("ok");
    expect(f.sim.control.issue(issueKey).summary).toBe("Loyalty points (Tether)");
    expect(await title()).toBe("Loyalty points (Tether)");
    expect(await linkState()).toEqual({ state: "ok", state_code: null });
  });

  it("pulls Jira's value when Jira is kept", async () => {
    await conflictOnTitle("Loyalty v2 (Tether)", "Loyalty v2 (Jira)");
    const resolved = await f.admin.client.post<{ remaining: number }>(`${f.jiraBase}/conflicts/${linkId}/resolve`, { field: "title", keep: "jira" });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect((await syncLink(f.app.deps, linkId, "manual")).outcome).toBe("ok");
    expect(await title()).toBe("Loyalty v2 (Jira)");
    expect(f.sim.control.issue(issueKey).summary).toBe("Loyalty v2 (Jira)");
    const log = await f.admin.client.get<{ entries: Array<{ operation: string; message: string | null }> }>(`${f.jiraBase}/sync-log?operation=conflict_resolved`);
    expect(log.body.entries.map((e) => e.message)).toEqual([
      "Conflict on title resolved: Jira's value is kept and carried to the other side.",
      "Conflict on title resolved: Tether's value is kept and carried to the other side.",
    ]);
  });
});
