import pino from "pino";

/** Keys whose values never reach a log line, wherever they are nested. */
export const redactedKeys = [
  "password",
  "passwordHash",
  "token",
  "apiToken",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "x-csrf-token",
  "credentials",
  "pat",
];

// Bracket notation so keys with dashes (set-cookie) are valid redaction paths.
const paths = redactedKeys.flatMap((key) => {
  const k = `["${key}"]`;
  return /^[a-z]+$/i.test(key) ? [key, `*${k}`, `*.*${k}`, `*.*.*${k}`] : [`*${k}`, `*.*${k}`, `*.*.*${k}`];
});

export type Logger = pino.Logger;

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths, censor: "[redacted]" },
      base: { service: "tether" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
