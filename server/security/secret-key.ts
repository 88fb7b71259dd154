import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../logging/logger.ts";

/** Where the embedded mode keeps its generated key: beside the data directory, not inside it. */
export const keyFileFor = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.secret-key`);

/**
 * TETHER_SECRET_KEY when set. Otherwise, with the embedded database only, a key generated on first
 * start and kept in a 0600 file beside the data directory. With an external database the key must
 * be configured: a key that lives on one machine would strand the secrets for the others.
 */
export function resolveSecretKey(options: { configured: string | undefined; embedded: boolean; dataDir: string; logger: Logger }): string {
  if (options.configured) return options.configured;
  if (!options.embedded) {
    throw new Error("TETHER_SECRET_KEY is required with DATABASE_URL (64 hex characters; generate one with `openssl rand -hex 32`).");
  }
  const file = keyFileFor(options.dataDir);
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    if (!/^[0-9a-fA-F]{64}$/.test(key)) throw new Error(`${file} does not hold a 64-hex-character key.`);
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  options.logger.warn({ file }, "generated a new secret key for Jira credentials: back this file up with the data directory — without it stored credentials cannot be decrypted");
  return key;
}
