import type { JiraSim } from "../index.ts";

export type SimResponse = { status: number; headers: Headers; body: unknown; text: string };

export const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
export const bearer = (token: string) => `Bearer ${token}`;

/** Credentials of a demo user for the sim's flavor (Cloud: email + API token; DC: PAT). */
export function authFor(sim: JiraSim, name: string): string {
  const user = sim.control.users().find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  if (sim.control.flavor === "cloud") return basic(user.email, user.apiToken);
  return bearer(user.personalAccessToken ?? "");
}

export type RequestObserver = (method: string, path: string, requestBody: unknown, response: SimResponse) => void;

/** A tiny fetch wrapper for tests; every exchange is passed to the observer (e.g. an OpenAPI check). */
export class SimClient {
  constructor(
    private readonly sim: JiraSim,
    private readonly authorization: string | null,
    private readonly observer: RequestObserver | null = null,
  ) {}

  as(authorization: string | null): SimClient {
    return new SimClient(this.sim, authorization, this.observer);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<SimResponse> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.authorization ? { authorization: this.authorization } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    };
    const response = await fetch(`${this.sim.url}${path}`, init);
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== "" && (response.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text) as unknown;
    const result = { status: response.status, headers: response.headers, body: parsed, text };
    this.observer?.(method, path, body, result);
    return result;
  }

  get(path: string): Promise<SimResponse> {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown): Promise<SimResponse> {
    return this.request("POST", path, body);
  }
  put(path: string, body?: unknown): Promise<SimResponse> {
    return this.request("PUT", path, body);
  }
  delete(path: string): Promise<SimResponse> {
    return this.request("DELETE", path);
  }
}

/** Narrow an unknown JSON body for assertions. */
export function json<T = Record<string, unknown>>(response: SimResponse): T {
  return response.body as T;
}
