import { randomBytes } from "node:crypto";

/** The environment tests start Tether with through runTether, as `npm start` reads it: quiet, on a free loopback port, with a fresh secret key. */
export function testTetherEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    TETHER_SECRET_KEY: randomBytes(32).toString("hex"),
  };
}
