import { afterEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { ApiError, api, queryString, rememberCsrfToken } from "./client.ts";

type Call = { url: string; init: RequestInit };

function answer(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  rememberCsrfToken(null);
});

describe("api client", () => {
  test("sends the CSRF token on writes but not on reads, with same-origin cookies", async () => {
    rememberCsrfToken("csrf-123");
    const calls = answer(200, { ok: true });
    await api.get("/things", z.object({ ok: z.boolean() }));
    await api.post("/things", z.object({ ok: z.boolean() }), { name: "x" });
    expect(calls[0]?.url).toBe("/api/v1/things");
    expect(headersOf(calls[0])["x-csrf-token"]).toBeUndefined();
    expect(headersOf(calls[1])["x-csrf-token"]).toBe("csrf-123");
    expect(calls[1]?.init.credentials).toBe("same-origin");
    expect(calls[1]?.init.body).toBe('{"name":"x"}');
  });

  test("turns an error body into an ApiError with the server's code and message", async () => {
    answer(409, { error: { code: "version_conflict", message: "Someone else saved first.", details: { version: 4 } } });
    const failure = await api.patch("/things/1", z.object({}), {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, code: "version_conflict", message: "Someone else saved first.", details: { version: 4 } });
  });

  test("an answer that does not match the contract is an error, not data", async () => {
    answer(200, { ok: "yes" });
    await expect(api.get("/things", z.object({ ok: z.boolean() }))).rejects.toMatchObject({ code: "invalid_response" });
  });

  test("a network failure keeps its cause", async () => {
    const cause = new TypeError("fetch failed");
    vi.stubGlobal("fetch", async () => {
      throw cause;
    });
    await expect(api.get("/things", z.object({}))).rejects.toMatchObject({ code: "network_error", cause });
  });

  test("an error without the standard body still gets a readable message", async () => {
    answer(502, undefined);
    await expect(api.delete("/things/1")).rejects.toMatchObject({ code: "http_error", status: 502 });
  });
});

test("queryString leaves out empty values", () => {
  expect(queryString({ status: "a", q: "", tag: undefined, limit: 25, cursor: null })).toBe("?status=a&limit=25");
  expect(queryString({})).toBe("");
});
