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

  it("mails stay logged by default; smtp needs SMTP_URL and MAIL_FROM", () => {
    expect(loadEnv({}).MAIL_TRANSPORT).toBe("log");
    expect(() => loadEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://127.0.0.1:25" })).toThrow(/MAIL_TRANSPORT: smtp needs SMTP_URL and MAIL_FROM/);
    expect(() => loadEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "http://x", MAIL_FROM: "a@b.c" })).toThrow(/SMTP_URL/);
    expect(loadEnv({ MAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://u:p@mail.example.test:465", MAIL_FROM: "Tether <t@example.test>" }).SMTP_URL).toBe("smtps://u:p@mail.example.test:465");
  });
});
