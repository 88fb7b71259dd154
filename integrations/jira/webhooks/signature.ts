import { createHmac, timingSafeEqual } from "node:crypto";

/** Methods Jira puts before the `=` of `X-Hub-Signature`; anything else is refused. */
const algorithms = { sha256: "sha256", sha1: "sha1", sha512: "sha512" } as const;

export type SignatureCheck =
  | { ok: true; signed: boolean }
  | { ok: false; reason: "missing" | "malformed" | "unsupported_method" | "mismatch" };

/**
 * Checks `X-Hub-Signature: <method>=<hex HMAC of the raw body>`: the method is read from the
 * prefix, the HMAC is computed over the exact bytes received (never re-serialised JSON), and the
 * comparison is constant-time. `acceptUnsigned` admits a delivery with no header at all (Data
 * Center ≤ 9 cannot sign); a header that is present is always checked.
 */
export function verifySignature(header: string | undefined, rawBody: Uint8Array, secret: string, options: { acceptUnsigned: boolean }): SignatureCheck {
  if (header === undefined || header.trim() === "") return options.acceptUnsigned ? { ok: true, signed: false } : { ok: false, reason: "missing" };
  const match = /^([a-z0-9]+)=([0-9a-f]+)$/i.exec(header.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const method = (match[1] ?? "").toLowerCase();
  if (!(method in algorithms)) return { ok: false, reason: "unsupported_method" };
  const algorithm = algorithms[method as keyof typeof algorithms];
  const expected = createHmac(algorithm, secret).update(rawBody).digest();
  const given = Buffer.from((match[2] ?? "").toLowerCase(), "hex");
  if (given.length !== expected.length) return { ok: false, reason: "mismatch" };
  return timingSafeEqual(given, expected) ? { ok: true, signed: true } : { ok: false, reason: "mismatch" };
}

/** What a sender puts in `X-Hub-Signature` (tests, the benchmark). */
export function signBody(secret: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}
