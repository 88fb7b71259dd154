import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MappingResponse } from "../../../common/contracts/jira-mapping.ts";
import type { UseCaseJiraResponse } from "../../../common/contracts/jira-sync.ts";
import type { UseCase } from "../../../common/contracts/use-cases.ts";
import type { UserCredentials } from "../../../sim/jira/index.ts";
import { setUpSync, type SyncFixture } from "../../testing/jira-sync-fixture.ts";
import { syncLink } from "./sync-link.ts";

/**
 * SYNC-PITFALLS 17 on Jira Cloud: people are matched by account id; an email only when Jira shows
 * it and exactly one member has it; never by display name. Whoever stays unmatched is named: Jira
 * users in the sync log's reason (the use case's Jira panel), members in the mapping's
 * `unmatchedUsers` (Settings → Jira → Mapping). No worker: each run is explicit.
 */
describe("people: account ids, unique visible emails, and the unmatched shown", () => {
  let f: SyncFixture;
  /** Has the member's email, but Jira hides it. */
  let hidden: UserCredentials;
  /** Has the other member's email, and Jira shows it. */
  let visible: UserCredentials;
  /** Shares a display name with two members; matches neither's email. */
  let namesake: UserCredentials;

  beforeAll(async () => {
    f = await setUpSync("cloud", { worker: false, prefix: "people" });
    const assignable = { TETH: ["BROWSE_PROJECTS", "ASSIGNABLE_USER"] as const };
    hidden = f.sim.control.addUser({ name: "hidden", displayName: "Hidden Hannah", email: f.member.email, emailVisible: false }, assignable);
    visible = f.sim.control.addUser({ name: "visible", displayName: "Visible Vera", email: f.otherMember.email }, assignable);
    namesake = f.sim.control.addUser({ name: "namesake", displayName: "Sam Rivera", email: "sam.rivera@elsewhere.example" }, assignable);
    // Two members called exactly like the Jira user.
    await f.app.deps.db.updateTable("users").set({ display_name: "Sam Rivera" }).where("id", "in", [f.moderator.id, f.visitor.id]).execute();
  });
  afterAll(async () => f?.close());

  const useCase = async (id: string) => (await f.admin.client.get<{ useCase: UseCase }>(`${f.base}/${id}`)).body.useCase;
  const matchOf = (userId: string) => f.app.deps.db.selectFrom("jira_user_matches").selectAll().where("user_id", "=", userId).executeTakeFirst();
  const latestReason = async (id: string) => (await f.admin.client.get<UseCaseJiraResponse>(`${f.base}/${id}/jira`)).body.recent[0]?.message ?? "";

  async function assignInJira(title: string, user: UserCredentials) {
    const created = await f.createUseCase({ title });
    const linked = await f.link(created.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    f.sim.control.editIssue("cara", linked.body.link.issueKey!, { fields: { assignee: { accountId: user.accountId } } });
    expect((await syncLink(f.app.deps, linked.body.link.id, "webhook")).outcome).toBe("ok");
    return { useCaseId: created.id, linkId: linked.body.link.id, key: linked.body.link.issueKey! };
  }

  it("does not match a Jira user whose email is hidden, and names them in the reason", async () => {
    const { useCaseId } = await assignInJira("Hidden assignee", hidden);
    expect((await useCase(useCaseId)).assignee).toBeNull();
    expect(await matchOf(f.member.id)).toBeUndefined();
    const reason = await latestReason(useCaseId);
    expect(reason).toContain(`Hidden Hannah (${hidden.accountId}) matches no workspace member`);
  });

  it("matches a Jira user whose email is shown and belongs to exactly one member", async () => {
    const { useCaseId } = await assignInJira("Visible assignee", visible);
    expect((await useCase(useCaseId)).assignee?.id).toBe(f.otherMember.id);
    expect(await matchOf(f.otherMember.id)).toMatchObject({ jira_user_id: visible.accountId });
  });

  it("never matches by display name, even when it is the same", async () => {
    const { useCaseId } = await assignInJira("Namesake assignee", namesake);
    expect((await useCase(useCaseId)).assignee).toBeNull();
    expect(await matchOf(f.moderator.id)).toBeUndefined();
    expect(await matchOf(f.visitor.id)).toBeUndefined();
    expect(await latestReason(useCaseId)).toContain(`Sam Rivera (${namesake.accountId})`);
  });

  it("lists members without a Jira user on the mapping, a hidden email included, and does not push them", async () => {
    const mapping = await f.admin.client.get<MappingResponse>(`${f.jiraBase}/mapping`);
    // Saving the mapping looks members up by email in Jira: the hidden one is not taken.
    expect((await f.admin.client.put(`${f.jiraBase}/mapping`, mapping.body.mapping)).status).toBe(200);
    const unmatched = (await f.admin.client.get<MappingResponse>(`${f.jiraBase}/mapping`)).body.unmatchedUsers.map((user) => user.userId);
    expect(unmatched).toEqual(expect.arrayContaining([f.member.id, f.moderator.id, f.visitor.id]));
    expect(unmatched).not.toContain(f.otherMember.id);

    const created = await f.createUseCase({ title: "Assigned in Tether", assigneeId: f.member.id });
    const linked = await f.link(created.id, { create: true });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect(f.sim.control.issue(linked.body.link.issueKey!).assigneeKey, "an unmatched member is never guessed in Jira").toBeNull();
    expect(linked.body.link.state).toBe("ok");
    expect(await latestReason(created.id)).toContain("has no Jira user");
  });

  it("goes by account id once the user map says who is who, whatever Jira shows of the email", async () => {
    const current = await f.admin.client.get<MappingResponse>(`${f.jiraBase}/mapping`);
    const userMap = [...current.body.mapping.userMap, { userId: f.member.id, jiraUserId: hidden.accountId, jiraDisplayName: "Hidden Hannah" }];
    expect((await f.admin.client.put(`${f.jiraBase}/mapping`, { ...current.body.mapping, userMap })).status).toBe(200);
    const { useCaseId } = await assignInJira("Mapped assignee", hidden);
    expect((await useCase(useCaseId)).assignee?.id).toBe(f.member.id);

    const created = await f.createUseCase({ title: "Pushed assignee", assigneeId: f.member.id });
    const linked = await f.link(created.id, { create: true });
    expect(f.sim.control.issue(linked.body.link.issueKey!).assigneeKey).toBe(f.sim.control.user("hidden").key);
  });
});
