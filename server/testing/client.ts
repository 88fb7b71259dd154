import { randomBytes } from "node:crypto";
import type { TestApp } from "./app.ts";

type Auth = { kind: "cookie"; cookie: string; csrfToken: string } | { kind: "token"; token: string } | { kind: "anonymous" };

export type ApiResult<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

/** Calls the API like a browser (cookie + CSRF header) or an integrator (Bearer token). */
export class ApiClient {
  constructor(
    private readonly app: TestApp,
    readonly auth: Auth,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.auth.kind === "cookie") {
      headers.cookie = this.auth.cookie;
      headers["x-csrf-token"] = this.auth.csrfToken;
    }
    if (this.auth.kind === "token") headers.authorization = `Bearer ${this.auth.token}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await this.app.request(`/api/v1${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  get = <T = Record<string, unknown>>(path: string) => this.call<T>("GET", path);
  post = <T = Record<string, unknown>>(path: string, body?: unknown) => this.call<T>("POST", path, body ?? {});
  patch = <T = Record<string, unknown>>(path: string, body: unknown) => this.call<T>("PATCH", path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown) => this.call<T>("PUT", path, body);
  delete = <T = Record<string, unknown>>(path: string) => this.call<T>("DELETE", path);
}

export type TestUser = { id: string; email: string; displayName: string; client: ApiClient };

/** Signs a new user up through the real API and returns a cookie-authenticated client. */
export async function signUpUser(app: TestApp, name = `user-${randomBytes(4).toString("hex")}`): Promise<TestUser> {
  const email = `${name}@example.test`;
  const response = await app.request("/api/v1/auth/signup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a long enough password", displayName: name }),
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return {
    id: body.user.id,
    email,
    displayName: name,
    client: new ApiClient(app, { kind: "cookie", cookie, csrfToken: body.csrfToken }),
  };
}

export const anonymous = (app: TestApp) => new ApiClient(app, { kind: "anonymous" });
