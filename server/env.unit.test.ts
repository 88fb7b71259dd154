import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env.ts";

describe("environment", () => {
  it("applies defaults", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir.endsWith("/data")).toBe(true);
  });

  it("lists every bad variable at once", () => {
    try {
      loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", TETHER_SECRET_KEY: "short", LOG_LEVEL: "loud" });
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join("\n");
      for (const name of ["PORT", "DATABASE_URL", "TETHER_SECRET_KEY", "LOG_LEVEL"]) expect(problems).toContain(name);
    }
  });
});
