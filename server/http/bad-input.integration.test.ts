import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../app.ts";
import { createTestApp, type TestApp } from "../testing/app.ts";
import { signUpUser, type TestUser } from "../testing/client.ts";

/** Bad input gets a 4xx with a stable code and an actionable message, never a 500. */
describe("bad input", () => {
  let app: TestApp;
  let user: TestUser;
  let workspaceId: string;
  beforeAll(async () => {
    app = await createTestApp();
    user = await signUpUser(app, "careless");
    workspaceId = (await user.client.post<{ workspace: { id: string } }>("/workspaces", { name: "W" })).body.workspace.id;
  });
  afterAll(async () => app.close());

  const expectError = (result: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
    expect(result.status).toBe(status);
    expect(result.body).toMatchObject({ error: { code } });
    expect(typeof (result.body.error as { message: unknown }).message).toBe("string");
  };

  it("malformed JSON → 400 invalid_json", async () => {
    expectError(await user.client.call("POST", "/workspaces", "{ not json"), 400, "invalid_json");
  });

  it("wrong types → 400 validation_failed naming the field", async () => {
    const result = await user.client.post("/workspaces", { name: 42 });
    expectError(result, 400, "validation_failed");
    expect(JSON.stringify(result.body)).toContain("name");
  });

  it("unknown fields → 400 validation_failed listing them", async () => {
    const result = await user.client.post("/workspaces", { name: "ok", owner: "me" });
    expectError(result, 400, "validation_failed");
    expect(JSON.stringify(result.body)).toContain("owner");
  });

  it("a body over the limit → 413 payload_too_large", async () => {
    const result = await user.client.post("/workspaces", { name: "x".repeat(MAX_BODY_BYTES + 10) });
    expectError(result, 413, "payload_too_large");
  });

  it("a body over the limit on any route, also outside the API → 413 payload_too_large", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 10);
    for (const path of ["/", "/healthz", "/no-such-route", "/api/v1/auth/login"]) {
      const response = await app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: big });
      expect(response.status).toBe(413);
    }
  });

  it("JSON nested thousands of levels deep → 400 invalid_json, never a 500", async () => {
    for (const body of ["[".repeat(200_000), `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`, `{"name":${"[".repeat(65)}${"]".repeat(65)}}`]) {
      expectError(await user.client.call("POST", "/workspaces", body), 400, "invalid_json");
    }
    // Brackets inside strings are text, not nesting.
    expect((await user.client.post("/workspaces", { name: "[".repeat(90) })).status).toBe(201);
  });

  it("a non-JSON content type → 415 unsupported_media_type", async () => {
    const response = await app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  });

  it("invalid ids → 404 or 400, never 500", async () => {
    expectError(await user.client.get("/workspaces/123/members"), 404, "not_found");
    expectError(await user.client.delete("/me/tokens/not-a-uuid"), 400, "validation_failed");
    expectError(await user.client.patch(`/workspaces/${workspaceId}/members/not-a-uuid`, { role: "admin" }), 400, "validation_failed");
    expectError(await user.client.post(`/workspaces/${workspaceId}/invitations`, { role: "owner" }), 400, "validation_failed");
  });

  it("text the database cannot store (NUL, lone surrogates) → 400 validation_failed naming the field", async () => {
    const useCases = `/workspaces/${workspaceId}/use-cases`;
    const cases: [string, string, unknown, string][] = [
      ["POST", useCases, { title: "a\u0000b" }, "title"],
      ["POST", useCases, { title: "ok", description: "half \ud83d a smile" }, "description"],
      ["POST", useCases, { title: "ok", tags: ["x\udc00"] }, "tags.0"],
      ["PATCH", `/workspaces/${workspaceId}`, { name: "\ud800" }, "name"],
      ["POST", "/me/tokens", { name: "nul\u0000" }, "name"],
      ["PUT", `/workspaces/${workspaceId}/integrations/jira/connection`, { kind: "datacenter_pat", baseUrl: "http://127.0.0.1:9/\ud800", secret: "s", projectKeys: ["TETH"] }, "baseUrl"],
    ];
    for (const [method, path, body, field] of cases) {
      const result = await user.client.call(method, path, body);
      expectError(result, 400, "validation_failed");
      expect(result.body.error).toMatchObject({ details: [expect.objectContaining({ path: field })] });
    }
    for (const query of ["q=a%00b", "tag=%00", "cursor=%ED%A0%80"]) {
      const result = await user.client.get(`${useCases}?${query}`);
      expectError(result, 400, "validation_failed");
      expect(JSON.stringify(result.body)).toContain(query.split("=")[0]);
    }
  });

  it("year 0000 in a body or a cursor → 400 validation_failed naming the field", async () => {
    const useCases = `/workspaces/${workspaceId}/use-cases`;
    const created = await user.client.post(useCases, { title: "dated", targetDate: "0000-01-01" });
    expectError(created, 400, "validation_failed");
    expect(created.body.error).toMatchObject({ details: [expect.objectContaining({ path: "targetDate" })] });
    const cursorOf = (s: string, v: string) => Buffer.from(JSON.stringify({ s, v, id: crypto.randomUUID() })).toString("base64url");
    for (const [sort, value] of [["targetDate", "0000-01-01"], ["-updated", "0000-01-01T00:00:00.000000Z"], ["title", "a\u0000"]] as const) {
      const result = await user.client.get(`${useCases}?sort=${sort}&cursor=${cursorOf(sort, value)}`);
      expectError(result, 400, "validation_failed");
      expect(result.body.error).toMatchObject({ details: [expect.objectContaining({ path: "cursor" })] });
    }
  });

  it("unknown routes → 404 not_found in the error format", async () => {
    expectError(await user.client.get("/no-such-thing"), 404, "not_found");
  });

  it("an empty body where one is required → 400", async () => {
    const response = await app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "" });
    expect(response.status).toBe(400);
  });
});
