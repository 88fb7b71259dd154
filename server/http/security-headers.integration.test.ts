import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app.ts";

describe("security headers", () => {
  let plain: TestApp;
  let published: TestApp;
  beforeAll(async () => {
    [plain, published] = await Promise.all([createTestApp(), createTestApp({ env: { PUBLIC_URL: "https://tether.example.test" } })]);
  });
  afterAll(async () => Promise.all([plain?.close(), published?.close()]));

  it("sends a strict Content-Security-Policy, no framing and no referrer on every response", async () => {
    for (const path of ["/healthz", "/api/v1/auth/session", "/api/v1/docs"]) {
      const headers = (await plain.request(path)).headers;
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("sends HSTS only when the public URL is https", async () => {
    expect((await plain.request("/healthz")).headers.get("strict-transport-security")).toBeNull();
    expect((await published.request("/healthz")).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});
