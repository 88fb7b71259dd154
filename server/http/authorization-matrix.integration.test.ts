import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpRoles, type RoleFixture } from "../routes/api/use-cases/test-fixtures.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { anonymous, ApiClient } from "../testing/client.ts";
import { routeTable } from "./route.ts";

/**
 * Every API route × every kind of caller → the status we promise. The rows are written out by
 * hand (not derived from the access rules they check), and a route without a row fails, so a
 * new route cannot ship without an authorisation decision.
 */
const actors = ["anonymous", "outsider", "visitor", "member", "assignee", "moderator", "admin"] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;

const users = (status: number): Expected => ({ anonymous: 401, outsider: status, visitor: status, member: status, assignee: status, moderator: status, admin: status });
const everyone = (status: number): Expected => ({ ...users(status), anonymous: status });
const roles = (r: { admin: number; moderator: number; assignee: number; member: number; visitor: number }): Expected => ({ anonymous: 401, outsider: 404, ...r });
const allRoles = (status: number) => roles({ admin: status, moderator: status, assignee: status, member: status, visitor: status });
const adminOnly = (status: number) => roles({ admin: status, moderator: 403, assignee: 403, member: 403, visitor: 403 });
const setupRoles = (status: number) => roles({ admin: status, moderator: status, assignee: 403, member: 403, visitor: 403 });
/** Planning: Admins, Moderators and Members reach the command (which then decides per card); Visitors never. */
const planners = (status: number) => roles({ admin: status, moderator: status, assignee: status, member: status, visitor: 403 });

type Ctx = { fixture: RoleFixture; app: TestApp; actor: ActorName; client: ApiClient };
type Row = {
  expected: Expected;
  body?: (ctx: Ctx) => Promise<unknown> | unknown;
  before?: (ctx: Ctx) => Promise<void>;
  after?: (ctx: Ctx) => Promise<void>;
  /** The route is not under /api/v1: called on the app directly, with the caller's credentials. */
  outsideApi?: true;
  /** A query string the route needs to pass its validation (without the `?`). */
  query?: string;
};

const password = "a long enough password";
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

async function ensureConnection(ctx: Ctx) {
  const response = await ctx.fixture.admin.client.put(`/workspaces/${ctx.fixture.workspaceId}/integrations/jira/connection`, {
    kind: "datacenter_pat",
    baseUrl: "http://127.0.0.1:9/jira",
    secret: "not-a-real-token",
    projectKeys: ["TETH"],
  });
  expect(response.status).toBe(200);
}

const matrix: Record<string, Row> = {
  "POST /auth/signup": { expected: everyone(201), body: () => ({ email: `new-${unique()}@example.test`, password, displayName: "New" }) },
  "POST /auth/login": { expected: everyone(200), body: (ctx) => ({ email: ctx.fixture.admin.email, password }) },
  "POST /auth/password-reset": { expected: everyone(202), body: () => ({ email: `reset-${unique()}@example.test` }) },
  // An unknown link on purpose: reachable by anyone, and nobody's password changes.
  "POST /auth/password-reset/complete": { expected: everyone(410), body: () => ({ token: `no-such-link-${unique()}-padding`, newPassword: "another long password" }) },
  // An unknown link on purpose, as for the password reset.
  "POST /auth/verify-email": { expected: everyone(410), body: () => ({ token: `no-such-link-${unique()}-padding` }) },
  "POST /me/email-verification": { expected: users(202) },
  "POST /auth/logout": { expected: users(204) },
  "GET /auth/session": { expected: users(200) },
  // Wrong current password on purpose: the route is reachable for every signed-in caller, and nobody's password changes.
  "POST /me/password": { expected: users(400), body: () => ({ currentPassword: "not the password", newPassword: "another long password" }) },
  "GET /me/tokens": { expected: users(200) },
  "POST /me/tokens": { expected: users(201), body: () => ({ name: "matrix" }) },
  "DELETE /me/tokens/{tokenId}": { expected: users(204) },
  "GET /workspaces": { expected: users(200) },
  "POST /workspaces": { expected: users(201), body: () => ({ name: "Another" }) },
  "GET /workspaces/{workspaceId}": { expected: allRoles(200) },
  "PATCH /workspaces/{workspaceId}": { expected: adminOnly(200), body: () => ({ name: "Renamed" }) },
  "GET /workspaces/{workspaceId}/members": { expected: allRoles(200) },
  "PATCH /workspaces/{workspaceId}/members/{userId}": { expected: adminOnly(200), body: () => ({ role: "member" }) },
  "DELETE /workspaces/{workspaceId}/members/{userId}": { expected: adminOnly(204) },
  "GET /workspaces/{workspaceId}/invitations": { expected: adminOnly(200) },
  "POST /workspaces/{workspaceId}/invitations": { expected: adminOnly(201), body: () => ({ role: "visitor" }) },
  "DELETE /workspaces/{workspaceId}/invitations/{invitationId}": { expected: adminOnly(204) },
  "GET /invitations/{token}": { expected: everyone(200) },
  "POST /invitations/{token}/accept": {
    expected: users(200),
    // The outsider really joins: take them out again so they stay an outsider for the other rows.
    after: async (ctx) => {
      await ctx.app.deps.db.deleteFrom("memberships").where("workspace_id", "=", ctx.fixture.workspaceId).where("user_id", "=", ctx.fixture.outsider.id).execute();
    },
  },
  "GET /workspaces/{workspaceId}/statuses": { expected: allRoles(200) },
  "GET /workspaces/{workspaceId}/audit-log": { expected: setupRoles(200) },
  // Custom fields: everyone reads the template; Admins define it (Moderators only where allowed, not here).
  "GET /workspaces/{workspaceId}/custom-fields": { expected: allRoles(200) },
  "POST /workspaces/{workspaceId}/custom-fields": { expected: adminOnly(201), body: () => ({ key: `f_${unique()}`, name: "Matrix", type: "shortText" }) },
  "PATCH /workspaces/{workspaceId}/custom-fields/{fieldId}": { expected: adminOnly(200), body: () => ({ name: "Renamed" }) },
  "PUT /workspaces/{workspaceId}/custom-fields/order": {
    expected: adminOnly(200),
    body: async (ctx) => ({
      fieldIds: (await ctx.fixture.admin.client.get<{ customFields: { id: string }[] }>(`/workspaces/${ctx.fixture.workspaceId}/custom-fields`)).body.customFields.map((c) => c.id),
    }),
  },
  "DELETE /workspaces/{workspaceId}/custom-fields/{fieldId}/options/{optionId}": { expected: adminOnly(200) },
  "GET /workspaces/{workspaceId}/custom-field-settings": { expected: allRoles(200) },
  "PUT /workspaces/{workspaceId}/custom-field-settings": { expected: adminOnly(200), body: () => ({ moderatorsMayDefine: false }) },
  "PUT /workspaces/{workspaceId}/statuses": {
    expected: setupRoles(200),
    body: async (ctx) => {
      const current = await ctx.fixture.admin.client.get<{ statuses: { id: string; name: string; category: string }[] }>(`/workspaces/${ctx.fixture.workspaceId}/statuses`);
      return { statuses: current.body.statuses.map(({ id, name, category }) => ({ id, name, category })) };
    },
  },
  "GET /workspaces/{workspaceId}/integrations/jira/connection": { expected: setupRoles(200) },
  "PUT /workspaces/{workspaceId}/integrations/jira/connection": {
    expected: setupRoles(200),
    body: () => ({ kind: "datacenter_pat", baseUrl: "http://127.0.0.1:9/jira", secret: "not-a-real-token", projectKeys: ["TETH"] }),
  },
  "DELETE /workspaces/{workspaceId}/integrations/jira/connection": { expected: setupRoles(204), before: ensureConnection },
  "POST /workspaces/{workspaceId}/integrations/jira/connection/test": { expected: setupRoles(200), before: ensureConnection },
  "GET /workspaces/{workspaceId}/integrations/jira/metadata": { expected: setupRoles(200), before: ensureConnection },
  // Jira at port 9 is unreachable: the refresh fails as a 502 with advice, after the access check.
  "POST /workspaces/{workspaceId}/integrations/jira/metadata/refresh": { expected: setupRoles(502), before: ensureConnection },
  "GET /workspaces/{workspaceId}/integrations/jira/features": { expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 200, visitor: 403 }) },
  "GET /workspaces/{workspaceId}/integrations/jira/health": { expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 200, visitor: 403 }) },
  "PATCH /workspaces/{workspaceId}/integrations/jira/features": {
    expected: adminOnly(200),
    before: ensureConnection,
    body: () => ({ toJira: true }),
  },
  // Sync engine. Jira at port 9 is unreachable and no metadata is cached: setup answers 409 after the access check.
  "GET /workspaces/{workspaceId}/integrations/jira/mapping": { expected: setupRoles(409), before: ensureConnection },
  "PUT /workspaces/{workspaceId}/integrations/jira/mapping": {
    expected: setupRoles(409),
    before: ensureConnection,
    body: () => ({ projectKey: "TETH", issueTypeId: "10000", fields: [] }),
  },
  "GET /workspaces/{workspaceId}/integrations/jira/sync-log": { expected: setupRoles(200) },
  // Visitors see nothing of the integration (404); a Member not assigned may read but not link or sync.
  "GET /workspaces/{workspaceId}/use-cases/{useCaseId}/jira": { expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 200, visitor: 404 }) },
  "POST /workspaces/{workspaceId}/use-cases/{useCaseId}/jira/link": {
    expected: roles({ admin: 409, moderator: 409, assignee: 409, member: 403, visitor: 404 }),
    before: ensureConnection,
    body: () => ({ create: true }),
  },
  "DELETE /workspaces/{workspaceId}/use-cases/{useCaseId}/jira/link": { expected: roles({ admin: 404, moderator: 404, assignee: 404, member: 403, visitor: 404 }) },
  "POST /workspaces/{workspaceId}/use-cases/{useCaseId}/jira/sync": { expected: roles({ admin: 404, moderator: 404, assignee: 404, member: 403, visitor: 404 }) },
  // Reconciliation, re-sync, import, conflicts (Admin, Moderator). No mapping is saved here: starting work answers 409.
  "GET /workspaces/{workspaceId}/integrations/jira/sync-settings": { expected: setupRoles(200) },
  "PUT /workspaces/{workspaceId}/integrations/jira/sync-settings": { expected: setupRoles(200), body: () => ({ reconcileIntervalSeconds: 120 }) },
  "POST /workspaces/{workspaceId}/integrations/jira/resync": { expected: setupRoles(409), before: ensureConnection },
  "GET /workspaces/{workspaceId}/integrations/jira/resync": { expected: setupRoles(200) },
  "POST /workspaces/{workspaceId}/integrations/jira/import/preview": { expected: setupRoles(409), before: ensureConnection, body: () => ({ jql: "project = TETH" }) },
  "POST /workspaces/{workspaceId}/integrations/jira/import": { expected: setupRoles(409), before: ensureConnection, body: () => ({ jql: "project = TETH" }) },
  "GET /workspaces/{workspaceId}/integrations/jira/import/{jobId}": { expected: setupRoles(404) },
  "GET /workspaces/{workspaceId}/integrations/jira/conflicts": { expected: setupRoles(200) },
  "POST /workspaces/{workspaceId}/integrations/jira/conflicts/{linkId}/resolve": { expected: setupRoles(404), body: () => ({ field: "title", keep: "tether" }) },
  // The use case under test is public and assigned to `assignee`; `member` is not assigned.
  "GET /workspaces/{workspaceId}/use-cases": { expected: allRoles(200) },
  "GET /workspaces/{workspaceId}/use-case-counts": { expected: allRoles(200) },
  "POST /workspaces/{workspaceId}/use-cases": {
    expected: roles({ admin: 201, moderator: 201, assignee: 201, member: 201, visitor: 403 }),
    body: () => ({ title: "From the matrix" }),
  },
  "GET /workspaces/{workspaceId}/use-cases/{useCaseId}": { expected: allRoles(200) },
  "PATCH /workspaces/{workspaceId}/use-cases/{useCaseId}": {
    expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 403, visitor: 403 }),
    body: () => ({ version: 1, title: "Edited by the matrix" }),
  },
  "DELETE /workspaces/{workspaceId}/use-cases/{useCaseId}": { expected: roles({ admin: 204, moderator: 204, assignee: 403, member: 403, visitor: 403 }) },
  "GET /workspaces/{workspaceId}/use-cases/{useCaseId}/comments": { expected: allRoles(200) },
  "POST /workspaces/{workspaceId}/use-cases/{useCaseId}/comments": {
    expected: roles({ admin: 201, moderator: 201, assignee: 201, member: 403, visitor: 403 }),
    body: () => ({ body: "A comment" }),
  },
  // The comment under test was written by `assignee`.
  "PATCH /workspaces/{workspaceId}/use-cases/{useCaseId}/comments/{commentId}": {
    expected: roles({ admin: 403, moderator: 403, assignee: 200, member: 403, visitor: 403 }),
    body: () => ({ body: "Edited comment" }),
  },
  "DELETE /workspaces/{workspaceId}/use-cases/{useCaseId}/comments/{commentId}": {
    expected: roles({ admin: 204, moderator: 403, assignee: 204, member: 403, visitor: 403 }),
  },
  "GET /workspaces/{workspaceId}/use-cases/{useCaseId}/history": { expected: allRoles(200) },
  // Within its own column: a reorder, allowed to whoever may edit the status.
  "PUT /workspaces/{workspaceId}/use-cases/{useCaseId}/board-position": {
    expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 403, visitor: 403 }),
    body: async (ctx) => {
      const status = await ctx.app.deps.db
        .selectFrom("use_case_statuses")
        .select("id")
        .where("workspace_id", "=", ctx.fixture.workspaceId)
        .orderBy("position")
        .executeTakeFirstOrThrow();
      return { statusId: status.id, version: 1 };
    },
  },
  "GET /workspaces/{workspaceId}/integrations/jira/webhook": { expected: setupRoles(200), before: ensureConnection },
  "PUT /workspaces/{workspaceId}/integrations/jira/webhook": { expected: setupRoles(200), before: ensureConnection, body: () => ({ customJql: null }) },
  // "From Jira" is off here: registering means making sure nothing is registered, without calling Jira.
  "POST /workspaces/{workspaceId}/integrations/jira/webhook/register": { expected: setupRoles(200), before: ensureConnection },
  "POST /workspaces/{workspaceId}/integrations/jira/webhook/verify": { expected: setupRoles(200), before: ensureConnection, body: () => ({ timeoutSeconds: 1 }) },
  "POST /workspaces/{workspaceId}/integrations/jira/webhook/secret": { expected: setupRoles(200), before: ensureConnection },
  // Outside /api/v1: sessions and tokens mean nothing there; only the endpoint's signature admits a delivery.
  "POST /hooks/jira/{endpointId}": { expected: everyone(401), before: ensureConnection, outsideApi: true, body: () => ({ webhookEvent: "jira:issue_updated" }) },
  "GET /workspaces/{workspaceId}/planning/pis": { expected: roles({ admin: 200, moderator: 200, assignee: 200, member: 200, visitor: 403 }) },
  "POST /workspaces/{workspaceId}/planning/pis": {
    expected: setupRoles(409),
    body: () => ({ name: "PI", startsOn: "2026-01-05", endsOn: "2026-03-27", teams: [{ boardId: 1, capacity: 20 }] }),
  },
  "GET /workspaces/{workspaceId}/planning/pis/{piId}/board": { expected: planners(404) },
  "GET /workspaces/{workspaceId}/planning/pis/{piId}/version": { expected: planners(404) },
  "POST /workspaces/{workspaceId}/planning/pis/{piId}/resync": { expected: setupRoles(404) },
  "GET /workspaces/{workspaceId}/planning/pis/{piId}/resync/{jobId}": { expected: setupRoles(404) },
  "POST /workspaces/{workspaceId}/planning/pis/{piId}/sprints": { expected: setupRoles(404), body: () => ({ teamId: crypto.randomUUID(), name: "Sprint" }) },
  "POST /workspaces/{workspaceId}/planning/pis/{piId}/cards/{issueKey}/move": { expected: planners(404), body: () => ({ sprintId: null }) },
  "POST /workspaces/{workspaceId}/planning/pis/{piId}/cards": {
    expected: planners(404),
    body: () => ({ teamId: crypto.randomUUID(), sprintId: null, epicKey: "TETH-1", issueTypeId: "10001", summary: "Card" }),
  },
  "PATCH /workspaces/{workspaceId}/planning/pis/{piId}/cards/{issueKey}": { expected: planners(404), body: () => ({ summary: "Renamed" }) },
  "DELETE /workspaces/{workspaceId}/planning/pis/{piId}/cards/{issueKey}": { expected: planners(404) },
  "POST /workspaces/{workspaceId}/planning/pis/{piId}/dependencies": { expected: planners(404), body: () => ({ linkType: "Blocks", fromIssueKey: "TETH-1", toIssueKey: "TETH-2" }) },
  "DELETE /workspaces/{workspaceId}/planning/pis/{piId}/dependencies/{linkId}": { expected: planners(404) },
  // The assignee filter reads like the board: whoever may read it (the unknown PI answers 404), never Visitors.
  "GET /workspaces/{workspaceId}/planning/pis/{piId}/assignees": { expected: planners(404) },
  "GET /workspaces/{workspaceId}/planning/pis/{piId}/assignee-filter": { expected: planners(404), query: "unassigned=true" },
  "GET /workspaces/{workspaceId}/use-cases/{useCaseId}/jira/issues": { expected: roles({ admin: 409, moderator: 409, assignee: 409, member: 403, visitor: 404 }) },
};

describe("authorisation matrix", () => {
  let app: TestApp;
  let fixture: RoleFixture;
  beforeAll(async () => {
    app = await createTestApp();
    fixture = await setUpRoles(app, "matrix");
  });
  afterAll(async () => app.close());

  const routes = () => routeTable.map((r) => `${r.method.toUpperCase()} ${r.path}`);

  it("has a row for every route, and no row for a route that does not exist", async () => {
    await import("../app.ts");
    const defined = routes();
    expect(defined.length).toBeGreaterThan(30);
    expect(defined.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !defined.includes(r))).toEqual([]);
  });

  function clientOf(actor: ActorName): ApiClient {
    const byActor = {
      anonymous: () => anonymous(app),
      outsider: () => fixture.outsider.client,
      visitor: () => fixture.visitor.client,
      member: () => fixture.otherMember.client,
      assignee: () => fixture.member.client,
      moderator: () => fixture.moderator.client,
      admin: () => fixture.admin.client,
    } satisfies Record<ActorName, () => ApiClient>;
    return byActor[actor]();
  }

  async function loginAgain(actor: ActorName): Promise<ApiClient> {
    if (actor === "anonymous") return anonymous(app);
    const user = { outsider: fixture.outsider, visitor: fixture.visitor, member: fixture.otherMember, assignee: fixture.member, moderator: fixture.moderator, admin: fixture.admin }[actor];
    const response = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password }),
    });
    const body = (await response.json()) as { csrfToken: string };
    return new ApiClient(app, { kind: "cookie", cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrfToken: body.csrfToken });
  }

  async function callOutsideApi(client: ApiClient, method: string, path: string, body: unknown) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (client.auth.kind === "cookie") Object.assign(headers, { cookie: client.auth.cookie, "x-csrf-token": client.auth.csrfToken });
    if (client.auth.kind === "token") headers.authorization = `Bearer ${client.auth.token}`;
    const response = await app.request(path, { method, headers, body: JSON.stringify(body) });
    return { status: response.status };
  }

  /** Fresh targets for every request, so a delete by one caller does not change what the next one sees. */
  async function resolvePath(template: string, ctx: Ctx): Promise<string> {
    const { admin, member, workspaceId } = fixture;
    const values: Record<string, () => Promise<string>> = {
      workspaceId: async () => workspaceId,
      useCaseId: async () => {
        const created = await admin.client.post<{ useCase: { id: string } }>(`/workspaces/${workspaceId}/use-cases`, { title: "Target", assigneeId: member.id, visibility: "public" });
        return created.body.useCase.id;
      },
      commentId: async () => "",
      jobId: async () => crypto.randomUUID(),
      piId: async () => crypto.randomUUID(),
      issueKey: async () => "TETH-1",
      linkId: async () => crypto.randomUUID(),
      userId: async () => {
        const user = await app.deps.db.insertInto("users").values({ email: `target-${unique()}@example.test`, display_name: "Target", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
        await app.deps.db.insertInto("memberships").values({ workspace_id: workspaceId, user_id: user.id, role: "visitor" }).execute();
        return user.id;
      },
      invitationId: async () => (await admin.client.post<{ invitation: { id: string } }>(`/workspaces/${workspaceId}/invitations`, { role: "visitor" })).body.invitation.id,
      token: async () => (await admin.client.post<{ url: string }>(`/workspaces/${workspaceId}/invitations`, { role: "visitor" })).body.url.split("/invite/")[1] ?? "",
      endpointId: async () => {
        await ensureConnection(ctx);
        const view = await fixture.admin.client.get<{ url: string | null }>(`/workspaces/${workspaceId}/integrations/jira/webhook`);
        const row = await app.deps.db.selectFrom("jira_webhook_endpoints").select("path_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
        return view.body.url?.split("/").pop() ?? row.path_id;
      },
      tokenId: async () => {
        if (ctx.actor === "anonymous") return crypto.randomUUID();
        return (await ctx.client.post<{ token: { id: string } }>("/me/tokens", { name: "to revoke" })).body.token.id;
      },
    };
    let path = template;
    if (template.includes("{fieldId}")) {
      const created = await admin.client.post<{ customField: { id: string; options: { id: string }[] } }>(`/workspaces/${workspaceId}/custom-fields`, {
        key: `m_${unique()}`,
        name: "Matrix target",
        type: "singleSelect",
        options: [{ label: "One" }, { label: "Two" }],
      });
      path = path.replace("{fieldId}", created.body.customField.id).replace("{optionId}", created.body.customField.options[0]?.id ?? "");
    }
    if (template.includes("{commentId}")) {
      const useCaseId = await values.useCaseId!();
      const comment = await member.client.post<{ comment: { id: string } }>(`/workspaces/${workspaceId}/use-cases/${useCaseId}/comments`, { body: "By the assignee" });
      path = path.replace("{useCaseId}", useCaseId).replace("{commentId}", comment.body.comment.id);
    }
    for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "")) {
      const resolve = values[name];
      if (!resolve) throw new Error(`no resolver for {${name}}`);
      path = path.replace(`{${name}}`, await resolve());
    }
    return path;
  }

  for (const key of Object.keys(matrix)) {
    it(key, async () => {
      const row = matrix[key];
      if (!row) throw new Error("missing row");
      const [method = "", template = ""] = key.split(" ");
      const seen: Partial<Record<ActorName, number>> = {};
      for (const actor of actors) {
        const client = method === "POST" && template === "/auth/logout" ? await loginAgain(actor) : clientOf(actor);
        const ctx: Ctx = { fixture, app, actor, client };
        if (row.before) await row.before(ctx);
        const path = `${await resolvePath(template, ctx)}${row.query ? `?${row.query}` : ""}`;
        const body = row.body ? await row.body(ctx) : method === "GET" || method === "DELETE" ? undefined : {};
        const response = row.outsideApi ? await callOutsideApi(client, method, path, body) : await client.call(method, path, body);
        seen[actor] = response.status;
        if (row.after) await row.after(ctx);
      }
      expect(seen).toEqual(row.expected);
    });
  }
});
