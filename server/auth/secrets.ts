import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret with a readable prefix (e.g. `tth_` for API tokens). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Secrets are stored only as SHA-256 digests: enough for 256-bit random values, and fast to look up. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
