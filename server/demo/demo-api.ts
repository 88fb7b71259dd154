import { z } from "zod";
import { SessionResponse } from "../../common/contracts/auth.ts";

/** A failed call of Tether's API during the demo set-up, with the API's own error code. */
export class DemoSetupError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly code: string | null,
    detail: string,
  ) {
    super(`Demo set-up failed at “${step}” (HTTP ${status}${code ? `, ${code}` : ""}): ${detail}`);
  }
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Tether's public HTTP API as the demo Admin uses it: signed in with a session cookie and the
 * CSRF token, like the web app, over real HTTP to the running server.
 */
export class DemoApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<DemoApi | null> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    });
    if (response.status === 401) return null;
    if (!response.ok) throw new DemoSetupError("sign in", response.status, null, await response.text());
    const session = SessionResponse.parse(await response.json());
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return new DemoApi(baseUrl, cookie, session.csrfToken);
  }

  /** Calls the API and parses the answer; a non-2xx answer throws with the API's error code. */
  async call<T>(step: string, method: "GET" | "POST" | "PUT" | "PATCH", path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, "x-csrf-token": this.csrfToken };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const error = ErrorBody.safeParse(json);
      throw new DemoSetupError(step, response.status, error.success ? error.data.error.code : null, error.success ? error.data.error.message : text.slice(0, 500));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DemoSetupError(step, response.status, null, `unexpected answer: ${parsed.error.message}`);
    return parsed.data;
  }
}
