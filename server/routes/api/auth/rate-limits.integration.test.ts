import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../../auth/login-throttle.ts";
import { createTestApp, type TestApp } from "../../../testing/app.ts";
import { signUpUser } from "../../../testing/client.ts";

const PASSWORD = "a long enough password";

/** Login limits hold under parallel requests, and strangers cannot use them to lock someone out. */
describe("login rate limits", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ env: { TRUST_PROXY: "true" } });
  });
  afterAll(async () => app.close());

  const login = async (email: string, password: string, from: string) => {
    const response = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": from },
      body: JSON.stringify({ email, password }),
    });
    return response.status;
  };
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

  it("counts parallel wrong logins before checking them: 30 at once, only 10 are checked", async () => {
    const ivy = await signUpUser(app, "ivy");
    const statuses = await Promise.all(Array.from({ length: 30 }, () => login(ivy.email, "wrong password", "10.0.0.1")));
    expect(tally(statuses)).toEqual({ 401: LOGIN_LIMITS.perAccountAndClient, 429: 30 - LOGIN_LIMITS.perAccountAndClient });
    expect(await login(ivy.email, PASSWORD, "10.0.0.1")).toBe(429);
  });

  it("counts parallel wrong current passwords: 20 at once, only 10 are checked", async () => {
    const jim = await signUpUser(app, "jim");
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => jim.client.post("/me/password", { currentPassword: `guess ${i}`, newPassword: "a brand new password" })),
    );
    expect(tally(guesses.map((g) => g.status))).toEqual({ 400: 10, 429: 10 });
    expect((await jim.client.post("/me/password", { currentPassword: PASSWORD, newPassword: "a brand new password" })).status).toBe(429);
  });

  it("a stranger's wrong passwords lock out the stranger, not the account's owner", async () => {
    const kim = await signUpUser(app, "kim");
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndClient; i++) expect(await login(kim.email, `guess ${i}`, "10.0.0.66")).toBe(401);
    expect(await login(kim.email, PASSWORD, "10.0.0.66")).toBe(429);
    expect(await login(kim.email, PASSWORD, "10.0.0.7")).toBe(200);
  });

  it("blocks a client that fails across many accounts", async () => {
    const lou = await signUpUser(app, "lou");
    const failures = Array.from({ length: LOGIN_LIMITS.perClient }, () => ({ attempt_key: "client:10.0.0.99" }));
    await app.deps.db.insertInto("login_attempts").values(failures).execute();
    expect(await login(lou.email, PASSWORD, "10.0.0.99")).toBe(429);
    expect(await login(lou.email, PASSWORD, "10.0.0.8")).toBe(200);
  });

  it("an account under a distributed attack refuses clients that failed on it, and lets a clean client in", async () => {
    const max = await signUpUser(app, "max");
    const failures = Array.from({ length: LOGIN_LIMITS.perAccountUnderAttack }, () => ({ attempt_key: `email:${max.email}` }));
    await app.deps.db.insertInto("login_attempts").values(failures).execute();
    expect(await login(max.email, "one guess", "10.1.0.1")).toBe(401);
    expect(await login(max.email, PASSWORD, "10.1.0.1")).toBe(429);
    expect(await login(max.email, PASSWORD, "10.1.0.2")).toBe(200);
  });
});
