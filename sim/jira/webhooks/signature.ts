import { createHmac } from "node:crypto";

/** `X-Hub-Signature` value: HMAC-SHA256 of the exact body bytes, hex, with the method as prefix. */
export function signWebhookBody(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
