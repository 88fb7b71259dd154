import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryEntry, UseCase, UseCaseComment } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import type { TestUser } from "../../../testing/client.ts";
import { createUseCase, type ErrorBody, type RoleFixture, setUpRoles, type UseCaseBody } from "./test-fixtures.ts";

type CommentBody = { comment: UseCaseComment };
type HistoryPage = { history: HistoryEntry[]; nextCursor: string | null };

describe("use case comments and history", () => {
  let app: TestApp;
  let f: RoleFixture;
  let open: UseCase;
  let hidden: UseCase;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "talk");
    open = await createUseCase(f.admin, f.base, { title: "Open to talk", assigneeId: f.member.id });
    hidden = await createUseCase(f.admin, f.base, { title: "Hidden talk", visibility: "assigned", assigneeId: f.member.id });
  });
  afterAll(async () => app.close());

  const comments = (id: string) => `${f.base}/${id}/comments`;

  it("lets people who may work on the use case comment; others who see it get 403, others 404", async () => {
    const expectations: [TestUser, string, number][] = [
      [f.admin, open.id, 201],
      [f.moderator, open.id, 201],
      [f.member, open.id, 201],
      [f.otherMember, open.id, 403],
      [f.visitor, open.id, 403],
      [f.otherMember, hidden.id, 404],
      [f.visitor, hidden.id, 404],
      [f.outsider, open.id, 404],
    ];
    for (const [user, id, status] of expectations) {
      const response = await user.client.post<CommentBody>(comments(id), { body: `**${user.displayName}** says hi` });
      expect([user.displayName, id === open.id, response.status]).toEqual([user.displayName, id === open.id, status]);
      if (status === 201) expect(response.body.comment).toMatchObject({ body: `**${user.displayName}** says hi`, author: { id: user.id, displayName: user.displayName } });
    }
    const list = await f.visitor.client.get<{ comments: UseCaseComment[] }>(comments(open.id));
    expect(list.status).toBe(200);
    expect(list.body.comments.map((c) => c.author?.displayName)).toEqual(["talk-admin", "talk-moderator", "talk-member"]);
    expect((await f.visitor.client.get(comments(hidden.id))).status).toBe(404);
  });

  it("writes no history and leaves the use case's version and updatedAt alone", async () => {
    const before = (await f.admin.client.get<UseCaseBody>(`${f.base}/${open.id}`)).body.useCase;
    await f.member.client.post(comments(open.id), { body: "one more" });
    const after = (await f.admin.client.get<UseCaseBody>(`${f.base}/${open.id}`)).body.useCase;
    expect(after).toEqual(before);
    const history = await f.admin.client.get<HistoryPage>(`${f.base}/${open.id}/history`);
    expect(history.body.history.map((h) => h.field)).toEqual(["created"]);
  });

  it("lets only the author edit a comment; the author or an Admin delete it", async () => {
    const created = await f.member.client.post<CommentBody>(comments(open.id), { body: "draft" });
    const id = created.body.comment.id;
    for (const user of [f.admin, f.moderator, f.otherMember]) {
      const response = await user.client.patch<ErrorBody>(`${comments(open.id)}/${id}`, { body: "hijack" });
      expect([user.displayName, response.status, response.body.error.code]).toEqual([user.displayName, 403, "forbidden"]);
    }
    const edited = await f.member.client.patch<CommentBody>(`${comments(open.id)}/${id}`, { body: "final" });
    expect(edited.status).toBe(200);
    expect(edited.body.comment.body).toBe("final");
    expect(Date.parse(edited.body.comment.updatedAt)).toBeGreaterThan(Date.parse(edited.body.comment.createdAt));
    expect((await f.moderator.client.delete(`${comments(open.id)}/${id}`)).status).toBe(403);
    expect((await f.admin.client.delete(`${comments(open.id)}/${id}`)).status).toBe(204);
    expect((await f.member.client.delete(`${comments(open.id)}/${id}`)).status).toBe(404);
    const own = await f.moderator.client.post<CommentBody>(comments(open.id), { body: "mine" });
    expect((await f.moderator.client.delete(`${comments(open.id)}/${own.body.comment.id}`)).status).toBe(204);
  });

  it("answers 404 for malformed or foreign comment ids and 400 for bad bodies", async () => {
    const onHidden = await f.member.client.post<CommentBody>(comments(hidden.id), { body: "elsewhere" });
    const paths = [`${comments(open.id)}/not-a-uuid`, `${comments(open.id)}/${onHidden.body.comment.id}`, `${f.base}/nope/comments`];
    for (const path of paths) {
      expect([path, (await f.member.client.patch(path, { body: "x" })).status]).toEqual([path, 404]);
    }
    for (const body of [{}, { body: "" }, { body: "   " }, { body: "x".repeat(20_001) }, { body: 5 }, { body: "x", extra: 1 }]) {
      const response = await f.member.client.post<ErrorBody>(comments(open.id), body);
      expect([JSON.stringify(body).slice(0, 30), response.status, response.body.error.code]).toEqual([JSON.stringify(body).slice(0, 30), 400, "validation_failed"]);
    }
  });

  it("pages history newest first with actors' names and refuses a bad cursor", async () => {
    const useCase = await createUseCase(f.admin, f.base, { title: "v1", assigneeId: f.member.id });
    let version = useCase.version;
    for (let n = 2; n <= 7; n++) {
      const editor = n % 2 === 0 ? f.member : f.admin;
      const response = await editor.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version, title: `v${n}` });
      version = response.body.useCase.version;
    }
    const seen: HistoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${f.base}/${useCase.id}/history?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await f.visitor.client.get<HistoryPage>(url);
      expect(page.status).toBe(200);
      seen.push(...page.body.history);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((h) => [h.field, h.newValue, h.actor?.displayName])).toEqual([
      ["title", "v7", "talk-admin"],
      ["title", "v6", "talk-member"],
      ["title", "v5", "talk-admin"],
      ["title", "v4", "talk-member"],
      ["title", "v3", "talk-admin"],
      ["title", "v2", "talk-member"],
      ["created", { key: useCase.key, title: "v1" }, "talk-admin"],
    ]);
    expect(seen[0]).toMatchObject({ oldValue: "v6", source: "user" });
    for (const bad of ["garbage", Buffer.from('{"before":"1; drop"}').toString("base64url")]) {
      const response = await f.admin.client.get<ErrorBody>(`${f.base}/${useCase.id}/history?cursor=${bad}`);
      expect([response.status, response.body.error.code]).toEqual([400, "validation_failed"]);
    }
    expect((await f.otherMember.client.get(`${f.base}/${hidden.id}/history`)).status).toBe(404);
  });
});
