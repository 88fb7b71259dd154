import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox, SecretBoxError } from "./secret-box.ts";

const key = () => randomBytes(32).toString("hex");

describe("SecretBox (AES-256-GCM)", () => {
  it("round-trips and never stores the plaintext", () => {
    const box = new SecretBox(key());
    const sealed = box.seal("ATATT3xFfGF0-token", "connection-1");
    expect(sealed).not.toContain("ATATT3xFfGF0");
    expect(box.open(sealed, "connection-1")).toBe("ATATT3xFfGF0-token");
    expect(box.seal("same", "c")).not.toBe(box.seal("same", "c"));
  });

  it("refuses another row's context, another key, and tampering", () => {
    const box = new SecretBox(key());
    const sealed = box.seal("secret", "connection-1");
    expect(() => box.open(sealed, "connection-2")).toThrow(SecretBoxError);
    expect(() => new SecretBox(key()).open(sealed, "connection-1")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => box.open(parts.join("."), "connection-1")).toThrow(SecretBoxError);
    expect(() => box.open("garbage", "connection-1")).toThrow(SecretBoxError);
  });

  it("rejects a malformed key", () => {
    expect(() => new SecretBox("abc")).toThrow(SecretBoxError);
  });
});
