import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("logger redaction", () => {
  it("never writes secrets, wherever they are nested", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: "hunter2-password",
        connection: { apiToken: "ATATT-secret-token", nested: { secret: "webhook-secret" } },
        headers: { authorization: "Bearer tth_abc", cookie: "tether_session=xyz", "set-cookie": "a=b" },
        email: "visible@example.test",
      },
      "something happened",
    );
    const output = lines.join("");
    for (const secret of ["hunter2-password", "ATATT-secret-token", "webhook-secret", "tth_abc", "tether_session=xyz", "a=b"]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("visible@example.test");
    expect(output).toContain("[redacted]");
  });
});
