import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { anonymous, signUpUser, type TestUser } from "../../../testing/client.ts";

type Ws = { workspace: { id: string; name: string; role: string } };

describe("workspaces, members, roles and invitations", () => {
  let app: TestApp;
  let admin: TestUser;
  let workspaceId: string;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await signUpUser(app, "admin");
    const created = await admin.client.post<Ws>("/workspaces", { name: "Portfolio" });
    expect(created.status).toBe(201);
    workspaceId = created.body.workspace.id;
  });
  afterAll(async () => app.close());

  async function invite(role: string, email?: string) {
    const response = await admin.client.post<{ url: string; invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, {
      role,
      ...(email ? { email } : {}),
    });
    expect(response.status).toBe(201);
    return { token: response.body.url.split("/invite/")[1] ?? "", id: response.body.invitation.id };
  }

  it("makes the creator Admin and seeds the default workflow", async () => {
    const list = await admin.client.get<{ workspaces: { id: string; role: string }[] }>("/workspaces");
    expect(list.body.workspaces).toEqual([{ id: workspaceId, name: "Portfolio", role: "admin" }]);
    const statuses = await admin.client.get<{ statuses: { name: string; position: number }[] }>(`/workspaces/${workspaceId}/statuses`);
    expect(statuses.body.statuses.map((s) => s.name)).toEqual(["Idea", "Evaluating", "Approved", "In delivery", "Done", "Rejected"]);
  });

  it("invites by link with a role; the link works once", async () => {
    const { token } = await invite("member");
    const preview = await anonymous(app).get(`/invitations/${token}`);
    expect(preview.body).toMatchObject({ workspaceName: "Portfolio", role: "member", invitedBy: "admin" });
    const newcomer = await signUpUser(app, "newcomer");
    const accepted = await newcomer.client.post<Ws>(`/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace).toMatchObject({ id: workspaceId, role: "member" });
    const again = await (await signUpUser(app, "latecomer")).client.post(`/invitations/${token}/accept`);
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: "invitation_invalid" } });
  });

  const signUpWith = (token: string, email: string) =>
    anonymous(app).post<Ws & { user: { email: string } }>("/auth/signup", { email, password: "a long enough password", displayName: email, invitationToken: token });

  it("an invitation is used up by the account signing up with it, which joins its workspace", async () => {
    const { token } = await invite("visitor");
    const first = await signUpWith(token, "first-through-link@example.test");
    expect(first.status).toBe(201);
    expect(first.body.workspace).toMatchObject({ id: workspaceId, role: "visitor" });
    const second = await signUpWith(token, "second-through-link@example.test");
    expect(second.status).toBe(410);
    expect(second.body).toMatchObject({ error: { code: "invitation_invalid" } });
    expect(await app.deps.db.selectFrom("users").select("id").where("email", "=", "second-through-link@example.test").executeTakeFirst()).toBeUndefined();
    expect((await anonymous(app).get(`/invitations/${token}`)).status).toBe(410);
  });

  it("an invitation made for an email is for that email only", async () => {
    const { token } = await invite("member", "Invited@Example.test");
    const stranger = await signUpWith(token, "stranger@example.test");
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({ error: { code: "invitation_other_email" } });
    const other = await signUpUser(app, "other-account");
    expect((await other.client.post(`/invitations/${token}/accept`)).body).toMatchObject({ error: { code: "invitation_other_email" } });
    const invited = await signUpWith(token, "invited@example.test");
    expect(invited.status).toBe(201);
    expect(invited.body.workspace).toMatchObject({ id: workspaceId, role: "member" });
  });

  it("refuses to invite an email that already belongs to a member, saying where to change the role", async () => {
    await invite("member", "joined@example.test").then(({ token }) => signUpWith(token, "joined@example.test"));
    const again = await admin.client.post(`/workspaces/${workspaceId}/invitations`, { role: "moderator", email: "JOINED@example.test" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "already_member", message: expect.stringContaining("Members") } });
    // Anyone else is still invited.
    await invite("member", "not-yet@example.test");
  });

  it("a revoked invitation cannot be used", async () => {
    const { token, id } = await invite("visitor");
    expect((await admin.client.delete(`/workspaces/${workspaceId}/invitations/${id}`)).status).toBe(204);
    const user = await signUpUser(app, "too-late");
    expect((await user.client.post(`/invitations/${token}/accept`)).status).toBe(410);
  });

  it("changes roles, and never removes or demotes the last Admin", async () => {
    const { token } = await invite("visitor");
    const vera = await signUpUser(app, "vera");
    await vera.client.post(`/invitations/${token}/accept`);
    const promoted = await admin.client.patch<{ member: { role: string } }>(`/workspaces/${workspaceId}/members/${vera.id}`, { role: "moderator" });
    expect(promoted.body.member.role).toBe("moderator");
    const demoteSelf = await admin.client.patch(`/workspaces/${workspaceId}/members/${admin.id}`, { role: "member" });
    expect(demoteSelf.status).toBe(409);
    expect(demoteSelf.body).toMatchObject({ error: { code: "last_admin" } });
    const removeSelf = await admin.client.delete(`/workspaces/${workspaceId}/members/${admin.id}`);
    expect(removeSelf.status).toBe(409);
    // A moderator cannot manage members.
    const byModerator = await vera.client.patch(`/workspaces/${workspaceId}/members/${admin.id}`, { role: "visitor" });
    expect(byModerator.status).toBe(403);
    expect((await admin.client.delete(`/workspaces/${workspaceId}/members/${vera.id}`)).status).toBe(204);
    expect((await vera.client.get(`/workspaces/${workspaceId}`)).status).toBe(404);
  });

  it("hides a workspace from outsiders with 404, also for malformed ids", async () => {
    const outsider = await signUpUser(app, "outsider");
    const response = await outsider.client.get(`/workspaces/${workspaceId}/members`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: "not_found" } });
    expect((await outsider.client.get("/workspaces/not-a-uuid/members")).status).toBe(404);
  });

  it("edits the workflow, keeping ids, and refuses to drop a status that has use cases", async () => {
    const before = await admin.client.get<{ statuses: { id: string; name: string; category: string }[] }>(`/workspaces/${workspaceId}/statuses`);
    const [idea, ...rest] = before.body.statuses;
    if (!idea) throw new Error("no statuses");
    const reordered = [...rest.map(({ id, name, category }) => ({ id, name, category })), { id: idea.id, name: "Inbox", category: "todo" }];
    const replaced = await admin.client.put<{ statuses: { id: string; name: string }[] }>(`/workspaces/${workspaceId}/statuses`, {
      statuses: [...reordered, { name: "Parked", category: "todo" }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.statuses.map((s) => s.name)).toEqual(["Evaluating", "Approved", "In delivery", "Done", "Rejected", "Inbox", "Parked"]);
    expect(replaced.body.statuses.find((s) => s.name === "Inbox")?.id).toBe(idea.id);

    await app.deps.db
      .insertInto("use_cases")
      .values({ workspace_id: workspaceId, number: 99, title: "Busy", status_id: idea.id, created_by: admin.id })
      .execute();
    const dropBusy = await admin.client.put(`/workspaces/${workspaceId}/statuses`, { statuses: [{ name: "Only", category: "todo" }] });
    expect(dropBusy.status).toBe(409);
    expect(dropBusy.body).toMatchObject({ error: { code: "conflict" } });
    const after = await admin.client.get<{ statuses: unknown[] }>(`/workspaces/${workspaceId}/statuses`);
    expect(after.body.statuses).toHaveLength(7);

    const duplicate = await admin.client.put(`/workspaces/${workspaceId}/statuses`, {
      statuses: [{ name: "A", category: "todo" }, { name: "a", category: "done" }],
    });
    expect(duplicate.status).toBe(400);
  });

  it("records setup changes in the audit log, readable newest first in pages", async () => {
    type Page = { entries: { id: string; action: string; actor: { displayName: string } | null }[]; nextCursor: string | null };
    const first = await admin.client.get<Page>(`/workspaces/${workspaceId}/audit-log?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(3);
    expect(first.body.entries[0]?.action).toBe("statuses.replaced");
    expect(first.body.entries[0]?.actor?.displayName).toBe("admin");
    const all: Page["entries"] = [...first.body.entries];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await admin.client.get<Page>(`/workspaces/${workspaceId}/audit-log?limit=3&cursor=${cursor}`);
      all.push(...page.body.entries);
      cursor = page.body.nextCursor;
    }
    const ids = all.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect((await admin.client.get(`/workspaces/${workspaceId}/audit-log?cursor=abc`)).status).toBe(400);
    const actions = all;
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["workspace.created", "invitation.created", "invitation.accepted", "member.role_changed", "member.removed", "statuses.replaced"]),
    );
  });
});

describe("removing a member", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it("releases their use cases with a version bump and history, so stale editors get a conflict", async () => {
    const admin = await signUpUser(app, "rm-admin");
    const leaver = await signUpUser(app, "rm-leaver");
    const workspaceId = (await admin.client.post<Ws>("/workspaces", { name: "R" })).body.workspace.id;
    await app.deps.db.insertInto("memberships").values({ workspace_id: workspaceId, user_id: leaver.id, role: "member" }).execute();
    type UseCaseBody = { useCase: { id: string; version: number; assignee: unknown; members: { id: string }[] } };
    const owned = await admin.client.post<UseCaseBody>(`/workspaces/${workspaceId}/use-cases`, { title: "Owned", assigneeId: leaver.id });
    const shared = await admin.client.post<UseCaseBody>(`/workspaces/${workspaceId}/use-cases`, { title: "Shared", memberIds: [leaver.id, admin.id] });
    expect((await admin.client.delete(`/workspaces/${workspaceId}/members/${leaver.id}`)).status).toBe(204);

    const ownedNow = await admin.client.get<UseCaseBody>(`/workspaces/${workspaceId}/use-cases/${owned.body.useCase.id}`);
    expect(ownedNow.body.useCase.assignee).toBeNull();
    expect(ownedNow.body.useCase.version).toBe(owned.body.useCase.version + 1);
    const sharedNow = await admin.client.get<UseCaseBody>(`/workspaces/${workspaceId}/use-cases/${shared.body.useCase.id}`);
    expect(sharedNow.body.useCase.members.map((m) => m.id)).toEqual([admin.id]);

    const history = await admin.client.get<{ history: { field: string; newValue: unknown }[] }>(`/workspaces/${workspaceId}/use-cases/${owned.body.useCase.id}/history`);
    expect(history.body.history[0]).toMatchObject({ field: "assignee", newValue: null });
    const stale = await admin.client.patch(`/workspaces/${workspaceId}/use-cases/${owned.body.useCase.id}`, { version: owned.body.useCase.version, title: "Stale" });
    expect(stale.status).toBe(409);
  });
});
