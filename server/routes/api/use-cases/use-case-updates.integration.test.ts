import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import type { TestUser } from "../../../testing/client.ts";
import {
  createUseCase,
  type ErrorBody,
  type RoleFixture,
  setUpRoles,
  type UseCaseBody,
  useCaseHistory,
  workspaceStatuses,
} from "./test-fixtures.ts";

describe("use cases: updates, versions and history", () => {
  let app: TestApp;
  let f: RoleFixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "crud");
  });
  afterAll(async () => app.close());

  const statuses = () => workspaceStatuses(f);
  const historyOf = (id: string) => useCaseHistory(f, id);

  describe("update", () => {
    it("follows the role table: assigned Member, Moderator and Admin edit; others get 403 or 404", async () => {
      const open = await createUseCase(f.admin, f.base, { title: "Shared", assigneeId: f.member.id });
      const hidden = await createUseCase(f.admin, f.base, { title: "Hidden", visibility: "assigned", assigneeId: f.member.id });
      let version = 1;
      for (const user of [f.member, f.moderator, f.admin]) {
        const response = await user.client.patch<UseCaseBody>(`${f.base}/${open.id}`, { version, title: `edited by ${user.displayName}` });
        expect([user.displayName, response.status]).toEqual([user.displayName, 200]);
        version = response.body.useCase.version;
      }
      const refusals: [TestUser, string, number][] = [
        [f.otherMember, open.id, 403],
        [f.visitor, open.id, 403],
        [f.otherMember, hidden.id, 404],
        [f.visitor, hidden.id, 404],
        [f.outsider, open.id, 404],
      ];
      for (const [user, id, status] of refusals) {
        const response = await user.client.patch<ErrorBody>(`${f.base}/${id}`, { version: 1, title: "no" });
        expect([user.displayName, response.status, response.body.error.code]).toEqual([user.displayName, status, status === 403 ? "forbidden" : "not_found"]);
      }
    });

    it("writes one exact history row per changed field, bumps version and updatedAt once, and names people and statuses", async () => {
      const all = await statuses();
      const [idea, evaluating] = [all.find((s) => s.name === "Idea"), all.find((s) => s.name === "Evaluating")];
      const before = await createUseCase(f.admin, f.base, { title: "Tracked", tags: ["a"], storyPoints: 3, memberIds: [f.moderator.id] });
      const response = await f.admin.client.patch<UseCaseBody>(`${f.base}/${before.id}`, {
        version: 1,
        title: "Tracked (renamed)",
        description: before.description,
        priority: "medium",
        statusId: evaluating?.id,
        assigneeId: f.member.id,
        memberIds: [f.otherMember.id, f.moderator.id],
        tags: ["B", "a"],
        storyPoints: 3,
        targetDate: "2026-01-15",
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toBe('"2"');
      const after = response.body.useCase;
      expect(after.version).toBe(2);
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
      const history = await historyOf(before.id);
      const actor = { id: f.admin.id, displayName: "crud-admin" };
      // Newest first; the rows of one edit come in field order, so read them oldest first here.
      const oldestFirst = [...history].reverse().map(({ field, oldValue, newValue, actor: who, source }) => ({ field, oldValue, newValue, actor: who, source }));
      expect(oldestFirst).toEqual([
        expect.objectContaining({ field: "created" }),
        { field: "title", oldValue: "Tracked", newValue: "Tracked (renamed)", actor, source: "user" },
        { field: "tags", oldValue: ["a"], newValue: ["a", "b"], actor, source: "user" },
        { field: "targetDate", oldValue: null, newValue: "2026-01-15", actor, source: "user" },
        { field: "status", oldValue: { id: idea?.id, name: "Idea" }, newValue: { id: evaluating?.id, name: "Evaluating" }, actor, source: "user" },
        { field: "assignee", oldValue: null, newValue: { id: f.member.id, displayName: "crud-member" }, actor, source: "user" },
        {
          field: "members",
          oldValue: [{ id: f.moderator.id, displayName: "crud-moderator" }],
          newValue: [
            { id: f.moderator.id, displayName: "crud-moderator" },
            { id: f.otherMember.id, displayName: "crud-other-member" },
          ],
          actor,
          source: "user",
        },
      ]);
    });

    it("changes nothing, not even the version, when every given field already has that value", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Same", priority: "low", tags: ["x"] });
      const response = await f.admin.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version: 1, title: "Same", priority: "low", tags: ["X"] });
      expect(response.status).toBe(200);
      expect(response.body.useCase).toEqual(useCase);
      expect((await historyOf(useCase.id)).map((h) => h.field)).toEqual(["created"]);
    });

    it("refuses a stale version with 409 and the current version, and writes nothing", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Contended" });
      const first = await f.admin.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version: 1, title: "First writer" });
      expect(first.body.useCase.version).toBe(2);
      const stale = await f.moderator.client.patch<ErrorBody>(`${f.base}/${useCase.id}`, { version: 1, title: "Lost update", priority: "highest" });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
      const now = await f.admin.client.get<UseCaseBody>(`${f.base}/${useCase.id}`);
      expect(now.body.useCase).toEqual(first.body.useCase);
      expect((await historyOf(useCase.id)).map((h) => h.field)).toEqual(["title", "created"]);
    });

    it("serialises concurrent writers on the same version: exactly one wins", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Race" });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => f.admin.client.patch(`${f.base}/${useCase.id}`, { version: 1, title: `writer ${i}` })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      expect((await historyOf(useCase.id)).filter((h) => h.field === "title")).toHaveLength(1);
    });

    it("takes the version from If-Match as well, and requires one of the two", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Etag" });
      const path = `/api/v1${f.base}/${useCase.id}`;
      const auth = f.admin.client.auth;
      if (auth.kind !== "cookie") throw new Error("expected a cookie client");
      const patch = (headers: Record<string, string>, body: unknown) =>
        app.request(path, {
          method: "PATCH",
          headers: { "content-type": "application/json", cookie: auth.cookie, "x-csrf-token": auth.csrfToken, ...headers },
          body: JSON.stringify(body),
        });
      const ok = await patch({ "if-match": '"1"' }, { title: "Via If-Match" });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("etag")).toBe('"2"');
      const stale = await patch({ "if-match": 'W/"1"' }, { title: "stale" });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as ErrorBody).error.details).toEqual({ currentVersion: 2 });
      const disagree = await patch({ "if-match": '"2"' }, { version: 1, title: "which?" });
      expect(disagree.status).toBe(400);
      expect((await patch({ "if-match": "*" }, { title: "any" })).status).toBe(400);
      const missing = await f.admin.client.patch<ErrorBody>(`${f.base}/${useCase.id}`, { title: "no version" });
      expect([missing.status, missing.body.error.code]).toEqual([428, "precondition_required"]);
    });

    it("recomputes WSJF in the database and clears it without a job size", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Scored", businessValue: 10, timeCriticality: 20, riskReduction: 30, jobSize: 7 });
      expect(useCase.wsjf).toBe(8.57);
      const resized = await f.admin.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version: 1, jobSize: 6 });
      expect(resized.body.useCase.wsjf).toBe(10);
      const cleared = await f.admin.client.patch<UseCaseBody>(`${f.base}/${useCase.id}`, { version: 2, jobSize: null, riskReduction: null });
      expect(cleared.body.useCase).toMatchObject({ wsjf: null, jobSize: null, riskReduction: null, businessValue: 10 });
    });

    it("refuses bad patches with stable 4xx codes", async () => {
      const useCase = await createUseCase(f.admin, f.base, { title: "Target" });
      const bad: Record<string, unknown>[] = [
        { version: 1, title: "" },
        { version: "1", title: "x" },
        { version: 0 },
        { version: 1, customFields: { no_such_field: 1 } },
        { version: 1, id: useCase.id },
        { version: 1, targetDate: "2024-13-01" },
        { version: 1, statusId: "00000000-0000-0000-0000-000000000000" },
        { version: 1, assigneeId: f.outsider.id },
      ];
      for (const body of bad) {
        const response = await f.admin.client.patch<ErrorBody>(`${f.base}/${useCase.id}`, body);
        expect({ body, status: response.status, code: response.body.error.code }).toEqual({ body, status: 400, code: "validation_failed" });
      }
      expect((await f.admin.client.call<ErrorBody>("PATCH", `${f.base}/${useCase.id}`, "[")).body.error.code).toBe("invalid_json");
      expect((await f.admin.client.patch(`${f.base}/nope`, { version: 1 })).status).toBe(404);
      expect((await f.admin.client.get<UseCaseBody>(`${f.base}/${useCase.id}`)).body.useCase.version).toBe(1);
    });
  });
});
