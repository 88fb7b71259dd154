import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCase } from "../../../../common/contracts/use-cases.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { ApiClient, type TestUser } from "../../../testing/client.ts";
import {
  createUseCase,
  type ErrorBody,
  type RoleFixture,
  setUpRoles,
  type UseCaseBody,
  useCaseHistory,
  workspaceStatuses,
} from "./test-fixtures.ts";

describe("use cases: create, read, update, delete", () => {
  let app: TestApp;
  let f: RoleFixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await setUpRoles(app, "crud");
  });
  afterAll(async () => app.close());

  const statuses = () => workspaceStatuses(f);
  const historyOf = (id: string) => useCaseHistory(f, id);

  describe("create", () => {
    it("numbers per workspace, starts in the first status, normalises tags and computes WSJF", async () => {
      const response = await f.admin.client.post<UseCaseBody>(f.base, {
        title: "  Churn prediction  ",
        description: "# Goal\nPredict **churn**.",
        priority: "high",
        tags: [" ML ", "ml", "Data", "analytics"],
        targetDate: "2025-06-30",
        businessValue: 8,
        timeCriticality: 5,
        riskReduction: 3,
        jobSize: 3,
        storyPoints: 2.5,
        memberIds: [f.moderator.id],
      });
      expect(response.status).toBe(201);
      const useCase = response.body.useCase;
      expect(response.headers.get("etag")).toBe('"1"');
      expect(response.headers.get("location")).toBe(`/api/v1${f.base}/${useCase.id}`);
      expect(useCase).toMatchObject({
        key: `UC-${useCase.number}`,
        title: "Churn prediction",
        description: "# Goal\nPredict **churn**.",
        status: { name: "Idea", category: "todo" },
        assignee: null,
        members: [{ id: f.moderator.id, displayName: "crud-moderator" }],
        priority: "high",
        tags: ["analytics", "data", "ml"],
        targetDate: "2025-06-30",
        wsjf: 5.33,
        storyPoints: 2.5,
        visibility: "public",
        customFields: {},
        version: 1,
        createdBy: { id: f.admin.id, displayName: "crud-admin" },
      });
      const next = await createUseCase(f.admin, f.base, { title: "Second" });
      expect(next.number).toBe(useCase.number + 1);
      expect(next).toMatchObject({ priority: "medium", tags: [], wsjf: null, storyPoints: null, targetDate: null, description: "" });
      const elsewhere = await createUseCase(f.outsider, `/workspaces/${f.otherWorkspaceId}/use-cases`, { title: "Own numbering" });
      expect(elsewhere.key).toBe("UC-1");
      expect(await historyOf(useCase.id)).toEqual([
        expect.objectContaining({ field: "created", oldValue: null, newValue: { key: useCase.key, title: "Churn prediction" }, source: "user" }),
      ]);
    });

    it("makes a Member the assignee of what they create, or a member when they name someone else", async () => {
      const own = await createUseCase(f.member, f.base, { title: "Mine" });
      expect(own.assignee).toEqual({ id: f.member.id, displayName: "crud-member", email: f.member.email });
      const forOther = await createUseCase(f.member, f.base, { title: "For someone", assigneeId: f.otherMember.id, visibility: "assigned" });
      expect(forOther.assignee?.id).toBe(f.otherMember.id);
      expect(forOther.members.map((m) => m.id)).toEqual([f.member.id]);
      expect((await f.member.client.patch(`${f.base}/${forOther.id}`, { version: 1, title: "Still mine to edit" })).status).toBe(200);
      const byAdmin = await createUseCase(f.admin, f.base, { title: "Admin's" });
      expect(byAdmin.assignee).toBeNull();
    });

    it("accepts a status, assignee and members of the workspace only, with a clear 400 otherwise", async () => {
      const approved = (await statuses()).find((s) => s.name === "Approved");
      const ok = await createUseCase(f.admin, f.base, { title: "Approved one", statusId: approved?.id, assigneeId: f.member.id });
      expect(ok.status.name).toBe("Approved");
      const foreignStatus = (await f.outsider.client.get<{ statuses: { id: string }[] }>(`/workspaces/${f.otherWorkspaceId}/statuses`)).body
        .statuses[0]?.id;
      const cases: [Record<string, unknown>, string][] = [
        [{ title: "x", statusId: foreignStatus }, "statusId"],
        [{ title: "x", assigneeId: f.outsider.id }, "assigneeId"],
        [{ title: "x", memberIds: [f.member.id, f.outsider.id] }, "memberIds"],
      ];
      for (const [body, path] of cases) {
        const response = await f.admin.client.post<ErrorBody>(f.base, body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe("validation_failed");
        expect(response.body.error.message).toContain(path);
        expect(response.body.error.details).toEqual([expect.objectContaining({ path })]);
      }
    });

    it("refuses bad input with 4xx codes, never 500", async () => {
      const bad: Record<string, unknown>[] = [
        {},
        { title: "" },
        { title: "x".repeat(201) },
        { title: 42 },
        { title: "x", description: "d".repeat(100_001) },
        { title: "x", customFields: { risk: "high" } },
        { title: "x", unknown: true },
        { title: "x", targetDate: "2023-02-30" },
        { title: "x", targetDate: "30/06/2025" },
        { title: "x", priority: "urgent" },
        { title: "x", businessValue: 101 },
        { title: "x", riskReduction: 1.5 },
        { title: "x", jobSize: 0 },
        { title: "x", storyPoints: 1.234 },
        { title: "x", storyPoints: -1 },
        { title: "x", storyPoints: 1001 },
        { title: "x", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        { title: "x", tags: ["x".repeat(41)] },
        { title: "x", tags: ["  "] },
        { title: "x", visibility: "private" },
        { title: "x", assigneeId: "not-a-uuid" },
        { title: "x", memberIds: "nope" },
        { title: "x", version: 1 },
      ];
      for (const body of bad) {
        const response = await f.admin.client.post<ErrorBody>(f.base, body);
        expect({ body, status: response.status, code: response.body.error.code }).toEqual({ body, status: 400, code: "validation_failed" });
      }
      const malformed = await f.admin.client.call<ErrorBody>("POST", f.base, "{ not json");
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe("invalid_json");
    });

    it("lets Admin, Moderator and Member create; refuses Visitors (403) and outsiders (404)", async () => {
      for (const user of [f.admin, f.moderator, f.member]) {
        expect((await user.client.post(f.base, { title: `by ${user.displayName}` })).status).toBe(201);
      }
      const visitor = await f.visitor.client.post<ErrorBody>(f.base, { title: "no" });
      expect([visitor.status, visitor.body.error.code]).toEqual([403, "forbidden"]);
      const outsider = await f.outsider.client.post<ErrorBody>(f.base, { title: "no" });
      expect([outsider.status, outsider.body.error.code]).toEqual([404, "not_found"]);
    });
  });

  describe("read", () => {
    it("shows public use cases to every member and assigned-only ones to their people and Admin/Moderator", async () => {
      const open = await createUseCase(f.admin, f.base, { title: "Open", visibility: "public" });
      const closed = await createUseCase(f.admin, f.base, { title: "Closed", visibility: "assigned", assigneeId: f.member.id });
      const expectations: [TestUser, number, number][] = [
        [f.admin, 200, 200],
        [f.moderator, 200, 200],
        [f.member, 200, 200],
        [f.otherMember, 200, 404],
        [f.visitor, 200, 404],
        [f.outsider, 404, 404],
      ];
      for (const [user, openStatus, closedStatus] of expectations) {
        const a = await user.client.get<UseCaseBody>(`${f.base}/${open.id}`);
        const b = await user.client.get<ErrorBody>(`${f.base}/${closed.id}`);
        expect([user.displayName, a.status, b.status]).toEqual([user.displayName, openStatus, closedStatus]);
        if (closedStatus === 404) expect(b.body.error.code).toBe("not_found");
      }
      const got = await f.member.client.get<UseCaseBody>(`${f.base}/${closed.id}`);
      expect(got.headers.get("etag")).toBe('"1"');
      // The same use case; the abilities are the reader's own (the Admin created it, the Member reads it).
      expect(got.body.useCase).toEqual({ ...closed, abilities: { read: true, update: true, delete: false, comment: true, link: true, sync: true } });
    });

    it("answers 404 for a malformed id, an unknown id, and a use case of another workspace", async () => {
      const foreign = await createUseCase(f.outsider, `/workspaces/${f.otherWorkspaceId}/use-cases`, { title: "Theirs" });
      for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", foreign.id, "1'; drop table use_cases;--"]) {
        const response = await f.admin.client.get<ErrorBody>(`${f.base}/${encodeURIComponent(id)}`);
        expect([id, response.status, response.body.error.code]).toEqual([id, 404, "not_found"]);
      }
      expect((await f.admin.client.get(`/workspaces/not-a-uuid/use-cases`)).status).toBe(404);
    });
  });

  describe("delete", () => {
    it("lets only Admins and Moderators delete; the use case, its comments and history are gone", async () => {
      const a = await createUseCase(f.admin, f.base, { title: "Doomed A", assigneeId: f.member.id });
      const b = await createUseCase(f.admin, f.base, { title: "Doomed B", visibility: "assigned", assigneeId: f.member.id });
      await f.admin.client.post(`${f.base}/${a.id}/comments`, { body: "bye" });
      const refusals: [TestUser, string, number][] = [
        [f.member, a.id, 403],
        [f.visitor, a.id, 403],
        [f.visitor, b.id, 404],
        [f.outsider, a.id, 404],
      ];
      for (const [user, id, status] of refusals) {
        expect([user.displayName, (await user.client.delete(`${f.base}/${id}`)).status]).toEqual([user.displayName, status]);
      }
      expect((await f.moderator.client.delete(`${f.base}/${a.id}`)).status).toBe(204);
      expect((await f.admin.client.delete(`${f.base}/${b.id}`)).status).toBe(204);
      expect((await f.admin.client.get(`${f.base}/${a.id}`)).status).toBe(404);
      expect((await f.admin.client.delete(`${f.base}/${a.id}`)).status).toBe(404);
      const leftovers = await app.deps.db.selectFrom("use_case_comments").select("id").where("use_case_id", "in", [a.id, b.id]).execute();
      expect(leftovers).toEqual([]);
      const audit = await app.deps.db.selectFrom("audit_log").select(["action", "target"]).where("target", "=", a.id).execute();
      expect(audit).toEqual([{ action: "useCase.deleted", target: a.id }]);
    });
  });

  it("works with an API token like with a session", async () => {
    const created = await f.admin.client.post<{ secret: string }>("/me/tokens", { name: "integrator" });
    const integrator = new ApiClient(app, { kind: "token", token: created.body.secret });
    const response = await integrator.post<UseCaseBody>(f.base, { title: "From a script" });
    expect(response.status).toBe(201);
    const useCase: UseCase = response.body.useCase;
    expect((await integrator.patch(`${f.base}/${useCase.id}`, { version: useCase.version, priority: "high" })).status).toBe(200);
  });

  it("documents every use-case route in the OpenAPI document", async () => {
    const doc = await app.request("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/workspaces/{workspaceId}/use-cases",
        "/workspaces/{workspaceId}/use-cases/{useCaseId}",
        "/workspaces/{workspaceId}/use-cases/{useCaseId}/comments",
        "/workspaces/{workspaceId}/use-cases/{useCaseId}/comments/{commentId}",
        "/workspaces/{workspaceId}/use-cases/{useCaseId}/history",
      ]),
    );
  });
});
