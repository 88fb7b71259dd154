import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetPassword } from "../../../commands/accounts.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { anonymous, ApiClient, signUpUser } from "../../../testing/client.ts";

/**
 * For tests that check a dozen passwords one after another. Each check is a deliberately slow
 * scrypt (~50 ms idle, seconds on a loaded machine); the limit is there to catch a hang.
 */
const manyPasswordChecks = { timeout: 120_000 };

describe("accounts, sessions and API tokens", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it("signs up, reads the session, logs out, and the cookie stops working", async () => {
    const alice = await signUpUser(app, "alice");
    const session = await alice.client.get<{ user: { email: string } }>("/auth/session");
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe("alice@example.test");
    expect((await alice.client.post("/auth/logout")).status).toBe(204);
    expect((await alice.client.get("/auth/session")).status).toBe(401);
  });

  it("sets an httpOnly SameSite cookie and stores no password in clear", async () => {
    const response = await app.request("/api/v1/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "Cookie@Example.test", password: "a long enough password", displayName: "C" }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const row = await app.deps.db.selectFrom("users").select(["email", "password_hash"]).where("email", "=", "cookie@example.test").executeTakeFirstOrThrow();
    expect(row.password_hash).not.toContain("a long enough password");
  });

  it("refuses a duplicate email (any case) with email_taken", async () => {
    await signUpUser(app, "bob");
    const again = await anonymous(app).post("/auth/signup", { email: "BOB@example.test", password: "another long password", displayName: "Bob 2" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "email_taken" } });
  });

  it("logs in with the right password only", async () => {
    await signUpUser(app, "carol");
    const wrong = await anonymous(app).post("/auth/login", { email: "carol@example.test", password: "wrong password!" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: "invalid_credentials" } });
    const right = await anonymous(app).post("/auth/login", { email: "carol@example.test", password: "a long enough password" });
    expect(right.status).toBe(200);
  });

  it("rate limits repeated failed logins for one email", manyPasswordChecks, async () => {
    await signUpUser(app, "dave");
    for (let i = 0; i < 10; i++) {
      expect((await anonymous(app).post("/auth/login", { email: "dave@example.test", password: "nope nope nope" })).status).toBe(401);
    }
    const limited = await anonymous(app).post("/auth/login", { email: "dave@example.test", password: "a long enough password" });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("rejects cookie-authenticated writes without the CSRF token", async () => {
    const erin = await signUpUser(app, "erin");
    if (erin.client.auth.kind !== "cookie") throw new Error("expected a cookie client");
    const forged = new ApiClient(app, { ...erin.client.auth, csrfToken: "forged" });
    const response = await forged.post("/me/tokens", { name: "x" });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "csrf_failed" } });
  });

  it("logs in and signs up while holding a valid session cookie and no CSRF token", async () => {
    const old = await signUpUser(app, "olga");
    const newer = await signUpUser(app, "nina");
    if (old.client.auth.kind !== "cookie") throw new Error("expected a cookie client");
    const { cookie } = old.client.auth;
    const withCookie = (path: string, body: unknown) =>
      app.request(`/api/v1${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
    const login = await withCookie("/auth/login", { email: newer.email, password: "a long enough password" });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { email: string } }).user.email).toBe(newer.email);
    const signup = await withCookie("/auth/signup", { email: "olga-2@example.test", password: "a long enough password", displayName: "Olga 2" });
    expect(signup.status).toBe(201);
  });

  it("changes the password: the current session stays, every other session ends, the old password stops working", async () => {
    const gina = await signUpUser(app, "gina");
    const elsewhere = await anonymous(app).post("/auth/login", { email: gina.email, password: "a long enough password" });
    expect(elsewhere.status).toBe(200);
    const otherCookie = (elsewhere.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const other = new ApiClient(app, { kind: "cookie", cookie: otherCookie, csrfToken: (elsewhere.body as { csrfToken: string }).csrfToken });

    const wrong = await gina.client.post("/me/password", { currentPassword: "not it at all", newPassword: "a brand new password" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "validation_failed", message: "The current password is wrong." } });
    const tooShort = await gina.client.post("/me/password", { currentPassword: "a long enough password", newPassword: "short" });
    expect(tooShort.status).toBe(400);

    expect((await gina.client.post("/me/password", { currentPassword: "a long enough password", newPassword: "a brand new password" })).status).toBe(204);
    expect((await gina.client.get("/auth/session")).status).toBe(200);
    expect((await other.get("/auth/session")).status).toBe(401);
    expect((await anonymous(app).post("/auth/login", { email: gina.email, password: "a long enough password" })).status).toBe(401);
    expect((await anonymous(app).post("/auth/login", { email: gina.email, password: "a brand new password" })).status).toBe(200);
  });

  it("rate limits guessing the current password", manyPasswordChecks, async () => {
    const hal = await signUpUser(app, "hal");
    for (let i = 0; i < 10; i++) {
      expect((await hal.client.post("/me/password", { currentPassword: `guess ${i}`, newPassword: "a brand new password" })).status).toBe(400);
    }
    const limited = await hal.client.post("/me/password", { currentPassword: "a long enough password", newPassword: "a brand new password" });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("keeps API tokens on a password change unless asked to revoke them; a reset revokes them and every session", async () => {
    const pia = await signUpUser(app, "pia");
    const tokenClient = async () =>
      new ApiClient(app, { kind: "token", token: (await pia.client.post<{ secret: string }>("/me/tokens", { name: "ci" })).body.secret });
    const kept = await tokenClient();
    const change = (body: Record<string, unknown>) => pia.client.post("/me/password", body);
    expect((await change({ currentPassword: "a long enough password", newPassword: "second long password" })).status).toBe(204);
    expect((await kept.get("/auth/session")).status).toBe(200);
    expect((await change({ currentPassword: "second long password", newPassword: "third long password", revokeApiTokens: true })).status).toBe(204);
    expect((await kept.get("/auth/session")).status).toBe(401);
    expect((await pia.client.get("/auth/session")).status).toBe(200);

    const another = await tokenClient();
    await resetPassword(app.deps.db, pia.email, "reset long password");
    expect((await another.get("/auth/session")).status).toBe(401);
    expect((await pia.client.get("/auth/session")).status).toBe(401);
    expect((await anonymous(app).post("/auth/login", { email: pia.email, password: "reset long password" })).status).toBe(200);
  });

  it("creates an API token shown once, authenticates with it, and revokes it", async () => {
    const frank = await signUpUser(app, "frank");
    const created = await frank.client.post<{ token: { id: string; lastFour: string }; secret: string }>("/me/tokens", { name: "ci" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^tth_/);
    const list = await frank.client.get<{ tokens: Record<string, unknown>[] }>("/me/tokens");
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.tokens[0]).toMatchObject({ lastFour: created.body.secret.slice(-4) });
    const viaToken = new ApiClient(app, { kind: "token", token: created.body.secret });
    expect((await viaToken.get("/auth/session")).status).toBe(200);
    const used = await frank.client.get<{ tokens: { lastUsedAt: string | null }[] }>("/me/tokens");
    expect(used.body.tokens[0]?.lastUsedAt).toEqual(expect.any(String));
    expect((await frank.client.delete(`/me/tokens/${created.body.token.id}`)).status).toBe(204);
    const revoked = await viaToken.get("/auth/session");
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: "authentication_required" } });
  });
});

describe("invitation-only sign-up (the default)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { SIGNUP_MODE: "invite" } });
  });
  afterAll(async () => app.close());

  const signup = (email: string, invitationToken?: string) =>
    anonymous(app).post("/auth/signup", { email, password: "a long enough password", displayName: email, ...(invitationToken ? { invitationToken } : {}) });

  it("lets exactly one of two racing first sign-ups set the server up, then needs an invitation", async () => {
    const [a, b] = await Promise.all([signup("first-a@example.test"), signup("first-b@example.test")]);
    expect([a.status, b.status].sort()).toEqual([201, 403]);
    const closed = a.status === 403 ? a : b;
    expect(closed.body).toMatchObject({ error: { code: "signup_closed" } });
    expect((await signup("stranger@example.test")).status).toBe(403);
    expect((await signup("guesser@example.test", "x".repeat(43))).status).toBe(403);
  });

  it("takes a sign-up carrying an open invitation, which it uses up by joining its workspace", async () => {
    const { email: first } = await app.deps.db.selectFrom("users").select("email").executeTakeFirstOrThrow();
    const session = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: first, password: "a long enough password" }),
    });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const admin = new ApiClient(app, { kind: "cookie", cookie: (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrfToken });
    const workspace = await admin.post<{ workspace: { id: string } }>("/workspaces", { name: "Invite only" });
    const invitation = await admin.post<{ url: string }>(`/workspaces/${workspace.body.workspace.id}/invitations`, { role: "member" });
    const token = invitation.body.url.split("/invite/")[1] ?? "";
    const joined = await signup("invitee@example.test", token);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ workspace: { id: workspace.body.workspace.id, role: "member" } });
    expect((await anonymous(app).get(`/invitations/${token}`)).status).toBe(410);
    expect((await signup("second-invitee@example.test", token)).status).toBe(403);
  });
});
