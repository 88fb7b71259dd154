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

  it("unknown routes → 404 not_found in the error format", async () => {
    expectError(await user.client.get("/no-such-thing"), 404, "not_found");
  });

  it("an empty body where one is required → 400", async () => {
    const response = await app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "" });
    expect(response.status).toBe(400);
  });
});
